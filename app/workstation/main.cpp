// alpr-workstation: the desktop GUI. Wiring only: settings, log sinks, the login loop.
#include "DemoStore.h"
#include "common/Log.h"
#include "common/Paths.h"
#include "shell/LoginDialog.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("alpr-workstation"));
    QApplication::setOrganizationName(QStringLiteral("alpr-workstation"));
    QApplication::setApplicationVersion(QStringLiteral(ALPR_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/alpr-workstation.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ALPR investigator workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption storeOption(QStringLiteral("store"), QStringLiteral("Store directory."), QStringLiteral("DIR"));
    QCommandLineOption demoOption(QStringLiteral("demo"),
                                  QStringLiteral("Open (creating on first run) the demo store with demo accounts."));
    QCommandLineOption mapOption(QStringLiteral("map"), QStringLiteral("MBTiles file or XYZ tile folder."),
                                 QStringLiteral("PATH"));
    QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Pre-fill the user name."), QStringLiteral("NAME"));
    parser.addOptions({storeOption, demoOption, mapOption, userOption});
    parser.process(app);

    alpr::diag::initialize(alpr::diag::Sink::RotatingFile, alpr::paths::diagnosticsDirectory());

    QString store = parser.value(storeOption);
    alpr::ui::WorkstationSettings settings;
    settings.mapPath = parser.value(mapOption);
    if (parser.isSet(demoOption)) {
        if (store.isEmpty())
            store = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                    QStringLiteral("/alpr-workstation/demo-store");
        if (settings.mapPath.isEmpty())
            settings.mapPath = alpr::paths::sourceDirectory() + QStringLiteral("/resources/demo/baltimore_demo_z12-17.mbtiles");
        if (auto created = alpr::app::ensureDemoStore(store, 20000); !created) {
            QMessageBox::critical(nullptr, QStringLiteral("Demo store"), created.error().toString());
            return 4;
        }
    }
    if (store.isEmpty())
        store = alpr::paths::defaultStoreDirectory();
    if (!alpr::Session::storeExists(store)) {
        QMessageBox::critical(nullptr, QStringLiteral("ALPR Workstation"),
                              QStringLiteral("There is no store in %1.\nCreate one with `alprctl --store DIR init "
                                             "--admin NAME`, or start with --demo.")
                                  .arg(store));
        return 4;
    }

    for (;;) {
        alpr::ui::LoginDialog login(store, {});
        if (login.exec() != QDialog::Accepted)
            return 0;
        alpr::ui::MainWindow window(login.session(), settings);
        window.show();
        app.exec();
        if (!window.loggedOut())
            return 0;
    }
}
