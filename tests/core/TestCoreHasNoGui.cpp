#include "common/Paths.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

// The core must stand without a UI (the CLI proves it at link time; this proves it at the source level).
class TestCoreHasNoGui : public QObject {
    Q_OBJECT
private slots:
    void coreIncludesNoGuiHeaders()
    {
        const QString core = alpr::paths::sourceDirectory() + QStringLiteral("/core");
        QVERIFY(QFile::exists(core));
        const QString headers = QStringLiteral("QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QMainWindow|"
                                               "QDialog|QPainter|QImage|QPixmap|QPdfWriter");
        const QRegularExpression gui(QStringLiteral("^\\s*#\\s*include\\s*[<\"](") + headers + QStringLiteral(")[>/\"]"),
                                     QRegularExpression::MultilineOption);
        QDirIterator it(core, {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("CMakeLists.txt")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            QVERIFY2(!gui.match(text).hasMatch(), qPrintable(it.filePath()));
            QVERIFY2(!text.contains(QLatin1String("Qt6::Gui")) && !text.contains(QLatin1String("Qt6::Widgets")),
                     qPrintable(it.filePath()));
            ++files;
        }
        QVERIFY(files > 20);
    }
};

QTEST_GUILESS_MAIN(TestCoreHasNoGui)
#include "TestCoreHasNoGui.moc"
