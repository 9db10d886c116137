// alpr_screenshot --store DIR --user NAME --page TITLE --out FILE.png [--map PATH] [--size WxH] [--wait MS]
//                  [--set OBJECT=TEXT]... [--click OBJECT]... [--drop PATH]... [--dialog OBJECT]
// The password is the first line of standard input. --set fills a line edit or editable combo box found by object
// name, --click presses a button, in order, before the capture (e.g. to run a search for the README picture).
// --drop drops files or folders on the window as a file manager would; --dialog captures the dialog of that object
// name (opened by a drop) instead of the window, and --set/--click then apply to it.
#include "accounts/Session.h"
#include "shell/MainWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPixmap>
#include <QScreen>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("alpr-workstation"));
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("store"), QStringLiteral("store"), QStringLiteral("DIR")},
         {QStringLiteral("user"), QStringLiteral("user"), QStringLiteral("NAME")},
         {QStringLiteral("page"), QStringLiteral("tab title"), QStringLiteral("TITLE")},
         {QStringLiteral("out"), QStringLiteral("png"), QStringLiteral("FILE")},
         {QStringLiteral("map"), QStringLiteral("map"), QStringLiteral("PATH")},
         {QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("SIZE"), QStringLiteral("1400x900")},
         {QStringLiteral("wait"), QStringLiteral("ms"), QStringLiteral("MS"), QStringLiteral("2500")},
         {QStringLiteral("set"), QStringLiteral("fill a field"), QStringLiteral("OBJECT=TEXT")},
         {QStringLiteral("click"), QStringLiteral("press a button"), QStringLiteral("OBJECT")},
         {QStringLiteral("drop"), QStringLiteral("drop a file or folder"), QStringLiteral("PATH")},
         {QStringLiteral("dialog"), QStringLiteral("capture a dialog"), QStringLiteral("OBJECT")}});
    parser.process(app);
    QTextStream in(stdin);
    const QString password = in.readLine();
    auto session = alpr::Session::login(parser.value(QStringLiteral("store")), parser.value(QStringLiteral("user")), password);
    if (!session) {
        fprintf(stderr, "login: %s\n", qPrintable(session.error().message));
        return 2;
    }
    alpr::ui::WorkstationSettings settings;
    settings.mapPath = parser.value(QStringLiteral("map"));
    alpr::ui::MainWindow window(std::shared_ptr<alpr::Session>(std::move(*session)), settings);
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
    const QString page = parser.value(QStringLiteral("page"));
    for (int i = 0; i < window.pages()->count(); ++i)
        if (window.pages()->tabText(i) == page)
            window.pages()->setCurrentIndex(i);
    if (parser.isSet(QStringLiteral("drop"))) {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& path : parser.values(QStringLiteral("drop")))
            urls.append(QUrl::fromLocalFile(path));
        mime.setUrls(urls);
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
    }
    // Fields are looked up on the page shown, since several pages use the same object names.
    QWidget* current = window.pages()->currentWidget();
    QWidget* captured = &window;
    if (parser.isSet(QStringLiteral("dialog"))) {
        current = window.findChild<QWidget*>(parser.value(QStringLiteral("dialog")));
        if (!current) {
            fprintf(stderr, "no dialog named %s\n", qPrintable(parser.value(QStringLiteral("dialog"))));
            return 4;
        }
        captured = current;
    }
    for (const QString& assignment : parser.values(QStringLiteral("set"))) {
        const QString name = assignment.section(QLatin1Char('='), 0, 0);
        const QString text = assignment.section(QLatin1Char('='), 1);
        if (auto* edit = current->findChild<QLineEdit*>(name); edit && !qobject_cast<QComboBox*>(edit->parent()))
            edit->setText(text);
        else if (auto* combo = current->findChild<QComboBox*>(name); combo && combo->isEditable())
            combo->setCurrentText(text);
        else if (combo)
            for (int i = 0; i < combo->count(); ++i) {
                if (combo->itemText(i).startsWith(text)) {
                    combo->setCurrentIndex(i);
                    break;
                }
            }
        else
            fprintf(stderr, "no field named %s\n", qPrintable(name));
    }
    QTimer::singleShot(300, &app, [&] {
        for (const QString& name : parser.values(QStringLiteral("click")))
            if (auto* button = current->findChild<QAbstractButton*>(name))
                button->click();
    });
    int rc = 0;
    QTimer::singleShot(parser.value(QStringLiteral("wait")).toInt(), &app, [&] {
        QPixmap shot =
            QGuiApplication::platformName() == QLatin1String("xcb")
                ? captured->screen()->grabWindow(0, captured->x(), captured->y(), captured->frameGeometry().width(),
                                                 captured->frameGeometry().height())
                : captured->grab();
        if (!shot.save(parser.value(QStringLiteral("out"))))
            rc = 4;
        window.close();
        app.quit();
    });
    app.exec();
    return rc;
}
