#include "hotlists/HotlistImportDialog.h"

#include "common/BackgroundTask.h"
#include "hotlists/HotlistService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace alpr::ui {

namespace {
const QStringList kCategories{HotlistCategory::StolenVehicle, HotlistCategory::StolenPlate,
                              HotlistCategory::FelonyVehicle, HotlistCategory::WantedPerson,
                              HotlistCategory::MissingPerson, HotlistCategory::AmberAlert,
                              HotlistCategory::Bolo,          HotlistCategory::Other};
}

HotlistImportDialog::HotlistImportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_fileLineEdit(new QLineEdit(this)), m_formatComboBox(new QComboBox(this)),
      m_nameLineEdit(new QLineEdit(this)), m_categoryComboBox(new QComboBox(this)),
      m_priorityComboBox(new QComboBox(this)),
      m_lookAlikeCheckBox(new QCheckBox(tr("Also match OCR look-alikes (8/B, 0/O ...)"), this)),
      m_previewPushButton(new QPushButton(tr("Preview"), this)),
      m_summaryLabel(new QLabel(tr("Choose a file and preview it before loading."), this)),
      m_errorsTableWidget(new QTableWidget(0, 2, this)), m_loadPushButton(new QPushButton(tr("Load list"), this))
{
    setObjectName(QStringLiteral("hotlistImportDialog"));
    setWindowTitle(tr("Load hot list"));
    m_fileLineEdit->setObjectName(QStringLiteral("fileLineEdit"));
    m_formatComboBox->setObjectName(QStringLiteral("formatComboBox"));
    m_nameLineEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_categoryComboBox->setObjectName(QStringLiteral("categoryComboBox"));
    m_priorityComboBox->setObjectName(QStringLiteral("priorityComboBox"));
    m_lookAlikeCheckBox->setObjectName(QStringLiteral("lookAlikeCheckBox"));
    m_previewPushButton->setObjectName(QStringLiteral("previewPushButton"));
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_errorsTableWidget->setObjectName(QStringLiteral("errorsTableWidget"));
    m_loadPushButton->setObjectName(QStringLiteral("loadPushButton"));

    m_formatComboBox->addItem(tr("NCIC fixed width"), int(HotlistFormat::Ncic));
    m_formatComboBox->addItem(tr("CA DOJ CLEW .tbl"), int(HotlistFormat::CaDoj));
    m_formatComboBox->addItem(tr("CSV with header"), int(HotlistFormat::Csv));
    m_categoryComboBox->addItems(kCategories);
    m_priorityComboBox->addItem(tr("From the category"), 0);
    m_priorityComboBox->addItem(tr("High"), 1);
    m_priorityComboBox->addItem(tr("Medium"), 2);
    m_priorityComboBox->addItem(tr("Low"), 3);
    m_nameLineEdit->setMaxLength(HotlistService::kMaxNameLength);
    m_errorsTableWidget->setHorizontalHeaderLabels({tr("Line"), tr("Why it was rejected")});
    m_errorsTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_errorsTableWidget->verticalHeader()->hide();
    m_errorsTableWidget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summaryLabel->setWordWrap(true);
    m_loadPushButton->setEnabled(false);

    auto* browse = new QPushButton(tr("Browse..."), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileLineEdit, 1);
    fileRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("File"), fileRow);
    form->addRow(tr("Format"), m_formatComboBox);
    form->addRow(tr("List name"), m_nameLineEdit);
    form->addRow(tr("Category"), m_categoryComboBox);
    form->addRow(tr("Priority"), m_priorityComboBox);
    form->addRow(QString(), m_lookAlikeCheckBox);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_previewPushButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_loadPushButton, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_errorsTableWidget, 1);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Hot-list file"), {},
                                                          tr("Hot lists (*.txt *.tbl *.csv *.dat);;All files (*)"));
        if (!path.isEmpty())
            setFile(path);
    });
    const auto invalidate = [this] {
        m_loadPushButton->setEnabled(false);
        m_contents = {};
    };
    connect(m_fileLineEdit, &QLineEdit::textChanged, this, invalidate);
    connect(m_formatComboBox, &QComboBox::currentIndexChanged, this, invalidate);
    connect(m_categoryComboBox, &QComboBox::currentIndexChanged, this, invalidate);
    connect(m_previewPushButton, &QPushButton::clicked, this, &HotlistImportDialog::preview);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 520);
}

void HotlistImportDialog::setFile(const QString& path)
{
    m_fileLineEdit->setText(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const HotlistFormat guess = suffix == QLatin1String("csv")   ? HotlistFormat::Csv
                                : suffix == QLatin1String("tbl") ? HotlistFormat::CaDoj
                                                                 : HotlistFormat::Ncic;
    m_formatComboBox->setCurrentIndex(m_formatComboBox->findData(int(guess)));
    if (m_nameLineEdit->text().isEmpty())
        m_nameLineEdit->setText(QFileInfo(path).completeBaseName());
}

HotlistImportOptions HotlistImportDialog::options() const
{
    HotlistImportOptions o;
    o.name = m_nameLineEdit->text().trimmed();
    o.format = HotlistFormat(m_formatComboBox->currentData().toInt());
    o.category = m_categoryComboBox->currentText();
    o.priority = m_priorityComboBox->currentData().toInt();
    o.lookAlike = m_lookAlikeCheckBox->isChecked();
    return o;
}

void HotlistImportDialog::preview()
{
    m_previewPushButton->setEnabled(false);
    m_summaryLabel->setText(tr("Reading..."));
    const HotlistImportOptions o = options();
    runInBackground<HotlistFileContents>(
        m_session, this,
        [&session = m_session, path = m_fileLineEdit->text(), o](store::Database& db) {
            return HotlistService(session, db).preview(path, o.format, o.category);
        },
        [this](const Result<HotlistFileContents>& contents) {
            m_previewPushButton->setEnabled(true);
            m_errorsTableWidget->setRowCount(0);
            if (!contents) {
                m_contents = {};
                m_summaryLabel->setText(tr("<b>Refused:</b> %1").arg(contents.error().message.toHtmlEscaped()));
                m_loadPushButton->setEnabled(false);
                emit previewed();
                return;
            }
            m_contents = *contents;
            const HotlistParseResult& p = m_contents.parsed;
            m_summaryLabel->setText(tr("%1: %2 record lines, <b>%3 entries</b> to load, %4 lines rejected (listed "
                                       "below). Loading replaces the list of that name in one step.")
                                        .arg(m_contents.fileName.toHtmlEscaped())
                                        .arg(p.lines)
                                        .arg(p.entries.size())
                                        .arg(p.errors.size()));
            m_errorsTableWidget->setRowCount(int(p.errors.size()));
            for (int i = 0; i < p.errors.size(); ++i) {
                m_errorsTableWidget->setItem(i, 0, new QTableWidgetItem(QString::number(p.errors[i].line)));
                m_errorsTableWidget->setItem(i, 1, new QTableWidgetItem(p.errors[i].reason));
            }
            m_loadPushButton->setEnabled(!p.entries.isEmpty());
            emit previewed();
        });
}

} // namespace alpr::ui
