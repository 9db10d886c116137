#include "hotlists/HotlistManagerPage.h"

#include "common/BackgroundTask.h"
#include "hotlists/HotlistImportDialog.h"
#include "hotlists/HotlistService.h"
#include "hotlists/ManualEntryDialog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {

QTableWidget* table(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

void setRow(QTableWidget* t, int row, const QStringList& cells, const QVariant& id = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (c == 0)
            item->setData(Qt::UserRole, id);
        t->setItem(row, c, item);
    }
}

QString utc(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

struct ListDetail {
    QList<HotlistVersion> versions;
    QList<HotlistEntry> entries;
};

} // namespace

HotlistManagerPage::HotlistManagerPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session),
      m_listsTableWidget(table(this, QStringLiteral("listsTableWidget"),
                               {tr("List"), tr("Source"), tr("Category"), tr("Priority"), tr("Entries"), tr("Version"),
                                tr("Refreshed (UTC)"), tr("Status")})),
      m_versionsTableWidget(table(this, QStringLiteral("versionsTableWidget"),
                                  {tr("Version"), tr("Loaded (UTC)"), tr("By"), tr("File"), tr("Entries"),
                                   tr("Rejected"), tr("Dropped"), tr("Past-read alerts"), tr("SHA-256")})),
      m_plateFilterLineEdit(new QLineEdit(this)),
      m_entriesTableWidget(table(this, QStringLiteral("entriesTableWidget"),
                                 {tr("Plate"), tr("State"), tr("Category"), tr("Priority"), tr("Expires (UTC)"),
                                  tr("Reason"), tr("By"), tr("NIC"), tr("ORI"), tr("Record vehicle")})),
      m_importPushButton(new QPushButton(tr("Load list from file..."), this)),
      m_manualPushButton(new QPushButton(tr("Add manual entry..."), this)),
      m_removePushButton(new QPushButton(tr("Remove entry..."), this)), m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("hotlistManagerPage"));
    m_plateFilterLineEdit->setObjectName(QStringLiteral("plateFilterLineEdit"));
    m_importPushButton->setObjectName(QStringLiteral("importPushButton"));
    m_manualPushButton->setObjectName(QStringLiteral("manualPushButton"));
    m_removePushButton->setObjectName(QStringLiteral("removePushButton"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_plateFilterLineEdit->setPlaceholderText(tr("Plate starts with..."));
    m_statusLabel->setWordWrap(true);

    const bool manage = session.can(Permission::ManageHotlists);
    m_importPushButton->setVisible(manage);
    m_manualPushButton->setVisible(manage);
    m_removePushButton->setVisible(manage);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_importPushButton);
    bar->addWidget(m_manualPushButton);
    bar->addStretch();
    bar->addWidget(m_statusLabel, 2);
    auto* versionsBox = new QGroupBox(tr("Versions"), this);
    (new QVBoxLayout(versionsBox))->addWidget(m_versionsTableWidget);
    auto* entriesBox = new QGroupBox(tr("Entries"), this);
    auto* entriesLayout = new QVBoxLayout(entriesBox);
    auto* entriesBar = new QHBoxLayout;
    entriesBar->addWidget(m_plateFilterLineEdit);
    entriesBar->addStretch();
    entriesBar->addWidget(m_removePushButton);
    entriesLayout->addLayout(entriesBar);
    entriesLayout->addWidget(m_entriesTableWidget);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_listsTableWidget);
    splitter->addWidget(versionsBox);
    splitter->addWidget(entriesBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_listsTableWidget, &QTableWidget::itemSelectionChanged, this, &HotlistManagerPage::showSelectedList);
    connect(m_plateFilterLineEdit, &QLineEdit::returnPressed, this, &HotlistManagerPage::showSelectedList);
    connect(m_importPushButton, &QPushButton::clicked, this, [this] {
        auto* dialog = new HotlistImportDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { load(dialog->contents(), dialog->options()); });
        dialog->open();
    });
    connect(m_manualPushButton, &QPushButton::clicked, this, [this] {
        auto* dialog = new ManualEntryDialog(m_session.clock().nowUtc(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { addEntry(dialog->entry()); });
        dialog->open();
    });
    connect(m_removePushButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reason =
            QInputDialog::getText(this, tr("Remove entry"), tr("Why is the entry removed (recovered, cancelled ...)?"),
                                  QLineEdit::Normal, {}, &ok);
        if (ok)
            removeSelectedEntry(reason);
    });
    refresh();
}

qint64 HotlistManagerPage::selectedListId() const
{
    const auto rows = m_listsTableWidget->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_listsTableWidget->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

void HotlistManagerPage::refresh()
{
    const qint64 selected = selectedListId();
    runInBackground<QList<Hotlist>>(
        m_session, this, [&session = m_session](store::Database& db) { return HotlistService(session, db).lists(); },
        [this, selected](const Result<QList<Hotlist>>& lists) {
            if (!lists) {
                m_statusLabel->setText(lists.error().message);
                return;
            }
            m_lists = *lists;
            m_listsTableWidget->setRowCount(int(m_lists.size()));
            for (int i = 0; i < m_lists.size(); ++i) {
                const Hotlist& h = m_lists[i];
                setRow(m_listsTableWidget, i,
                       {h.name, h.source, h.category, HotlistPriority::name(h.priority), QString::number(h.entryCount),
                        h.version > 0 ? QString::number(h.version) : QString(), utc(h.refreshedUtc),
                        h.stale ? tr("STALE: not refreshed in time") : tr("current")},
                       h.id);
                if (h.stale)
                    m_listsTableWidget->item(i, 7)->setForeground(QColor(0xb0, 0x00, 0x20));
                if (h.id == selected)
                    m_listsTableWidget->selectRow(i);
            }
            m_listsTableWidget->resizeColumnsToContents();
            if (selected == 0 && !m_lists.isEmpty())
                m_listsTableWidget->selectRow(0);
            emit refreshed();
        });
}

void HotlistManagerPage::showSelectedList()
{
    const qint64 id = selectedListId();
    if (id == 0)
        return;
    runInBackground<ListDetail>(
        m_session, this,
        [&session = m_session, id, prefix = m_plateFilterLineEdit->text()](store::Database& db) -> Result<ListDetail> {
            HotlistService service(session, db);
            auto versions = service.versions(id);
            if (!versions)
                return std::unexpected(versions.error());
            auto entries = service.entries(id, prefix, 2000);
            if (!entries)
                return std::unexpected(entries.error());
            return ListDetail{*versions, *entries};
        },
        [this, id](const Result<ListDetail>& detail) {
            if (id != selectedListId())
                return;
            if (!detail) {
                m_statusLabel->setText(detail.error().message);
                return;
            }
            m_versionsTableWidget->setRowCount(int(detail->versions.size()));
            for (int i = 0; i < detail->versions.size(); ++i) {
                const HotlistVersion& v = detail->versions[i];
                setRow(m_versionsTableWidget, i,
                       {QString::number(v.version), utc(v.importedUtc), v.importedBy, v.fileName,
                        QString::number(v.entries), QString::number(v.rejected), QString::number(v.dropped),
                        QString::number(v.retroAlerts), v.sha256.left(16) + QStringLiteral("...")});
            }
            m_entriesTableWidget->setRowCount(int(detail->entries.size()));
            const QString redacted = tr("[CLETS authorization required]");
            for (int i = 0; i < detail->entries.size(); ++i) {
                const HotlistEntry& e = detail->entries[i];
                setRow(m_entriesTableWidget, i,
                       {e.plate, e.state, e.category, HotlistPriority::name(e.priority),
                        e.expiresUtc ? utc(*e.expiresUtc) : QString(), e.reason, e.createdBy,
                        e.clets.redacted ? redacted : e.clets.nic, e.clets.redacted ? redacted : e.clets.ori,
                        e.clets.redacted ? redacted : e.clets.vehicle},
                       e.id);
            }
            m_entriesTableWidget->resizeColumnsToContents();
        });
}

void HotlistManagerPage::load(const HotlistFileContents& contents, const HotlistImportOptions& options)
{
    m_statusLabel->setText(tr("Loading %1...").arg(contents.fileName));
    m_importPushButton->setEnabled(false);
    runInBackground<HotlistImportReport>(
        m_session, this,
        [&session = m_session, contents, options](store::Database& db) {
            return HotlistService(session, db).import(contents, options);
        },
        [this](const Result<HotlistImportReport>& report) {
            m_importPushButton->setEnabled(true);
            const QString message =
                report
                    ? tr("\"%1\" version %2: %3 entries loaded, %4 lines rejected, %5 dropped, %6 alerts on past reads")
                          .arg(report->list.name)
                          .arg(report->version.version)
                          .arg(report->version.entries)
                          .arg(report->version.rejected)
                          .arg(report->version.dropped)
                          .arg(report->version.retroAlerts)
                    : report.error().message;
            m_statusLabel->setText(message);
            emit changed(message);
            refresh();
        });
}

void HotlistManagerPage::addEntry(const ManualEntry& entry)
{
    runInBackground<ManualEntryReport>(
        m_session, this,
        [&session = m_session, entry](store::Database& db) { return HotlistService(session, db).addEntry(entry); },
        [this](const Result<ManualEntryReport>& report) {
            QString message;
            if (!report)
                message = report.error().message;
            else if (report->retroSearched)
                message = tr("Entry added; reads of the last %1 days searched at once: %2 alert(s)")
                              .arg(report->retroDays)
                              .arg(report->retroAlerts);
            else
                message = tr("Entry added; it is matched against reads from now on");
            m_statusLabel->setText(message);
            emit changed(message);
            refresh();
        });
}

void HotlistManagerPage::removeSelectedEntry(const QString& reason)
{
    const auto rows = m_entriesTableWidget->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_statusLabel->setText(tr("Select an entry first"));
        return;
    }
    const qint64 id = m_entriesTableWidget->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
    runInBackground<bool>(
        m_session, this,
        [&session = m_session, id, reason](store::Database& db) -> Result<bool> {
            if (auto removed = HotlistService(session, db).removeEntry(id, reason); !removed)
                return std::unexpected(removed.error());
            return true;
        },
        [this](const Result<bool>& removed) {
            const QString message = removed ? tr("Entry removed; its past alerts stay") : removed.error().message;
            m_statusLabel->setText(message);
            emit changed(message);
            refresh();
        });
}

} // namespace alpr::ui
