// Which block devices count as removable, against a fake sysfs tree; and the live list's basic promises.
#include "evidence/RemovableVolumes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace alpr;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestRemovableVolumes : public QObject {
    Q_OBJECT

private slots:
    void sysfsDecides()
    {
        QTemporaryDir sys;
        // A card reader that says so, a USB disk that claims to be fixed, and an internal NVMe disk.
        writeFile(sys.filePath(QStringLiteral("block/mmcblk0/removable")), "1\n");
        writeFile(sys.filePath(QStringLiteral("devices/pci0000:00/usb2/2-1/host6/block/sdb/removable")), "0\n");
        QVERIFY(QFile::link(sys.filePath(QStringLiteral("devices/pci0000:00/usb2/2-1/host6/block/sdb")),
                            sys.filePath(QStringLiteral("block/sdb"))));
        writeFile(sys.filePath(QStringLiteral("devices/pci0000:00/nvme/nvme0n1/removable")), "0\n");
        QVERIFY(QFile::link(sys.filePath(QStringLiteral("devices/pci0000:00/nvme/nvme0n1")),
                            sys.filePath(QStringLiteral("block/nvme0n1"))));

        QVERIFY(RemovableVolumes::isRemovableDevice(QStringLiteral("/dev/mmcblk0p1"), sys.path()));
        QVERIFY(RemovableVolumes::isRemovableDevice(QStringLiteral("/dev/sdb1"), sys.path()));
        QVERIFY(RemovableVolumes::isRemovableDevice(QStringLiteral("/dev/sdb"), sys.path()));
        QVERIFY(!RemovableVolumes::isRemovableDevice(QStringLiteral("/dev/nvme0n1p2"), sys.path()));
        QVERIFY(!RemovableVolumes::isRemovableDevice(QStringLiteral("/dev/sdc1"), sys.path())); // unknown
        QVERIFY(!RemovableVolumes::isRemovableDevice(QStringLiteral("overlay"), sys.path()));
    }

    void liveListOffersWritableVolumesRemovableFirst()
    {
        const QList<EvidenceVolume> all = RemovableVolumes::list(true);
        bool fixedSeen = false;
        for (const EvidenceVolume& v : all) {
            QVERIFY(!v.readOnly);
            QVERIFY(!v.rootPath.isEmpty());
            QVERIFY(v.fileSystemType != QLatin1String("proc") && v.fileSystemType != QLatin1String("sysfs"));
            if (!v.removable)
                fixedSeen = true;
            else
                QVERIFY2(!fixedSeen, "removable volumes come first");
        }
        for (const EvidenceVolume& v : RemovableVolumes::list(false))
            QVERIFY(v.removable);
    }
};

QTEST_GUILESS_MAIN(TestRemovableVolumes)
#include "TestRemovableVolumes.moc"
