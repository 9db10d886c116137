#include "hotlists/AlertQueuePage.h"

#include "common/BackgroundTask.h"
#include "hotlists/AlertQueueModel.h"
#include "hotlists/AlertVerificationPanel.h"
#include "reads/ReadRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {

struct AlertView {
    Alert alert;
    QImage context;
    QImage crop;
};

QImage loadImage(ReadRepository& reads, qint64 id)
{
    if (id <= 0)
        return {};
    auto bytes = reads.image(id);
    return bytes ? QImage::fromData(*bytes) : QImage();
}

} // namespace

AlertQueuePage::AlertQueuePage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_model(new AlertQueueModel(this)), m_filterComboBox(new QComboBox(this)),
      m_refreshPushButton(new QPushButton(tr("Refresh"), this)),
      m_exportPushButton(new QPushButton(tr("Export CSV..."), this)), m_statusLabel(new QLabel(this)),
      m_alertsTableView(new QTableView(this)), m_panel(new AlertVerificationPanel(this)), m_pollTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("alertQueuePage"));
    m_filterComboBox->setObjectName(QStringLiteral("filterComboBox"));
    m_refreshPushButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_exportPushButton->setObjectName(QStringLiteral("exportPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_alertsTableView->setObjectName(QStringLiteral("alertsTableView"));

    m_filterComboBox->addItem(tr("Open alerts"), QStringLiteral("open"));
    for (AlertState s :
         {AlertState::New, AlertState::Visual, AlertState::Confirmed, AlertState::Closed, AlertState::Rejected})
        m_filterComboBox->addItem(alertStateName(s), alertStateName(s));
    m_filterComboBox->addItem(tr("All"), QString());
    m_alertsTableView->setModel(m_model);
    m_alertsTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_alertsTableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_alertsTableView->verticalHeader()->hide();
    m_alertsTableView->horizontalHeader()->setStretchLastSection(true);
    m_alertsTableView->setWordWrap(false);
    m_panel->setCanVerify(session.can(Permission::VerifyAlerts));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show"), this));
    bar->addWidget(m_filterComboBox);
    bar->addWidget(m_refreshPushButton);
    bar->addWidget(m_statusLabel, 1);
    bar->addWidget(m_exportPushButton);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_alertsTableView);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 600});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_filterComboBox, &QComboBox::currentIndexChanged, this, &AlertQueuePage::refresh);
    connect(m_refreshPushButton, &QPushButton::clicked, this, &AlertQueuePage::refresh);
    connect(m_exportPushButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export alerts"), QStringLiteral("alerts.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_alertsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (const Alert* a = m_model->alertAt(current.row()); a && a->id != m_panel->alertId())
                    selectAlert(a->id);
            });
    connect(m_panel, &AlertVerificationPanel::visualCheckRequested, this,
            [this](qint64 id) { runStep([id](AlertService& s) { return s.markVisual(id); }); });
    connect(m_panel, &AlertVerificationPanel::confirmRequested, this,
            [this](qint64 id, CletsOutcome outcome, const QString& ref) {
                runStep([id, outcome, ref](AlertService& s) { return s.confirm(id, outcome, ref); });
            });
    connect(m_panel, &AlertVerificationPanel::rejectRequested, this, [this](qint64 id, const QString& reason) {
        runStep([id, reason](AlertService& s) { return s.reject(id, reason); });
    });
    connect(m_panel, &AlertVerificationPanel::closeRequested, this,
            [this](qint64 id) { runStep([id](AlertService& s) { return s.close(id); }); });
    connect(m_pollTimer, &QTimer::timeout, this, &AlertQueuePage::poll);
    connect(this, &AlertQueuePage::highPriorityAlertArrived, this, [] { QApplication::beep(); });

    runInBackground<QStringList>(
        m_session, this,
        [&session = m_session](store::Database& db) { return AlertService(session, db).rejectReasons(); },
        [this](const Result<QStringList>& reasons) {
            if (reasons)
                m_panel->setRejectReasons(*reasons);
        });
    refresh();
    m_pollTimer->start(kPollMilliseconds);
}

AlertFilter AlertQueuePage::filter() const
{
    AlertFilter f;
    const QString key = m_filterComboBox->currentData().toString();
    f.openOnly = key == QLatin1String("open");
    if (!f.openOnly && !key.isEmpty())
        f.state = alertStateFromName(key);
    return f;
}

void AlertQueuePage::refresh()
{
    m_refreshPushButton->setEnabled(false);
    runInBackground<QList<Alert>>(
        m_session, this,
        [&session = m_session, f = filter()](store::Database& db) { return AlertService(session, db).list(f); },
        [this](const Result<QList<Alert>>& alerts) {
            m_refreshPushButton->setEnabled(true);
            if (!alerts) {
                m_statusLabel->setText(alerts.error().message);
                return;
            }
            m_model->setAlerts(*alerts);
            m_alertsTableView->resizeColumnsToContents();
            m_statusLabel->setText(tr("%n alert(s)", nullptr, int(alerts->size())));
            // The top of the queue is shown at once: it is the alert to work next.
            if (m_selectedId == 0 && m_model->rowCount() > 0)
                m_alertsTableView->selectRow(0);
            else if (const int row = m_model->rowOf(m_selectedId); row >= 0)
                m_alertsTableView->selectRow(row);
            poll();
            emit refreshed();
        });
}

void AlertQueuePage::poll()
{
    runInBackground<AlertCounts>(
        m_session, this, [&session = m_session](store::Database& db) { return AlertService(session, db).counts(); },
        [this](const Result<AlertCounts>& counts) {
            if (!counts)
                return;
            emit badgeChanged(counts->unverified, counts->highNew > 0);
            const bool first = m_newestHighId < 0;
            if (!first && counts->newestHighId > m_newestHighId) {
                emit highPriorityAlertArrived(counts->newestHighId);
                m_newestHighId = counts->newestHighId;
                refresh();
                return;
            }
            m_newestHighId = std::max(m_newestHighId, counts->newestHighId);
        });
}

void AlertQueuePage::selectAlert(qint64 alertId)
{
    m_selectedId = alertId;
    runInBackground<AlertView>(
        m_session, this,
        [&session = m_session, alertId](store::Database& db) -> Result<AlertView> {
            auto alert = AlertService(session, db).get(alertId);
            if (!alert)
                return std::unexpected(alert.error());
            ReadRepository reads(db);
            // The form lists every reading of the read, so the officer sees which one matched.
            QList<PlateRead> read{alert->read};
            reads.loadAlternatives(read);
            alert->read = read.first();
            return AlertView{*alert, loadImage(reads, alert->read.contextImageId),
                             loadImage(reads, alert->read.cropImageId)};
        },
        [this, alertId](const Result<AlertView>& view) {
            if (alertId != m_selectedId)
                return;
            if (!view) {
                m_panel->clear(view.error().message);
                return;
            }
            m_panel->showAlert(view->alert, view->context, view->crop);
        });
}

void AlertQueuePage::runStep(std::function<Result<Alert>(AlertService&)> step)
{
    m_panel->setEnabled(false);
    runInBackground<Alert>(
        m_session, this,
        [&session = m_session, step = std::move(step)](store::Database& db) {
            AlertService service(session, db);
            return step(service);
        },
        [this](const Result<Alert>& alert) {
            m_panel->setEnabled(true);
            if (!alert) {
                m_statusLabel->setText(alert.error().message);
                return;
            }
            m_statusLabel->setText(tr("Alert %1: %2").arg(alert->id).arg(alertStateName(alert->state)));
            selectAlert(alert->id);
            refresh();
        });
}

void AlertQueuePage::exportCsv(const QString& path)
{
    m_exportPushButton->setEnabled(false);
    runInBackground<int>(
        m_session, this,
        [&session = m_session, f = filter(), path](store::Database& db) {
            return AlertService(session, db).exportCsv(f, path);
        },
        [this, path](const Result<int>& written) {
            m_exportPushButton->setEnabled(true);
            m_statusLabel->setText(written ? tr("%1 alert(s) written to %2").arg(*written).arg(path)
                                           : written.error().message);
        });
}

} // namespace alpr::ui
