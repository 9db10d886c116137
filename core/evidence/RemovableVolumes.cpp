#include "evidence/RemovableVolumes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStorageInfo>

#include <algorithm>

namespace alpr {

namespace {

bool isSystemFileSystem(const QByteArray& type)
{
    static const QList<QByteArray> kSystem{"tmpfs",      "devtmpfs", "proc",   "sysfs",    "overlay",    "squashfs",
                                           "cgroup",     "cgroup2",  "devpts", "mqueue",   "debugfs",    "tracefs",
                                           "securityfs", "pstore",   "bpf",    "autofs",   "configfs",   "fusectl",
                                           "hugetlbfs",  "ramfs",    "nsfs",   "efivarfs", "binfmt_misc"};
    return kSystem.contains(type);
}

// "sdb1" -> "sdb", "mmcblk0p1" -> "mmcblk0", "nvme0n1p2" -> "nvme0n1"
QString parentBlockDevice(const QString& name)
{
    static const QRegularExpression partitioned(QStringLiteral("^((?:mmcblk|nvme\\d+n|loop)\\d+)p\\d+$"));
    if (const auto m = partitioned.match(name); m.hasMatch())
        return m.captured(1);
    static const QRegularExpression plain(QStringLiteral("^([a-z]+)\\d+$"));
    if (const auto m = plain.match(name); m.hasMatch())
        return m.captured(1);
    return name;
}

bool mountedWhereDesktopsMountMedia(const QString& root)
{
    return root.startsWith(QLatin1String("/media/")) || root.startsWith(QLatin1String("/run/media/"));
}

} // namespace

bool RemovableVolumes::isRemovableDevice(const QString& device, const QString& sysfsRoot)
{
    if (!device.startsWith(QLatin1String("/dev/")))
        return false;
    const QString block = parentBlockDevice(QFileInfo(device).fileName());
    const QString blockDir = QDir(sysfsRoot).filePath(QStringLiteral("block/") + block);
    QFile removable(blockDir + QStringLiteral("/removable"));
    if (removable.open(QIODevice::ReadOnly) && removable.readAll().trimmed() == "1")
        return true;
    // Many USB disks report removable=0; their device path in sysfs runs through the USB bus.
    return QFileInfo(blockDir).canonicalFilePath().contains(QLatin1String("/usb"));
}

QList<EvidenceVolume> RemovableVolumes::list(bool includeFixed)
{
    QList<EvidenceVolume> out;
    for (const QStorageInfo& storage : QStorageInfo::mountedVolumes()) {
        if (!storage.isValid() || !storage.isReady() || isSystemFileSystem(storage.fileSystemType()))
            continue;
        EvidenceVolume v;
        v.rootPath = storage.rootPath();
        v.device = QString::fromLocal8Bit(storage.device());
        v.displayName = storage.displayName().isEmpty() ? v.rootPath : storage.displayName();
        v.fileSystemType = QString::fromLatin1(storage.fileSystemType());
        v.bytesAvailable = storage.bytesAvailable();
        v.bytesTotal = storage.bytesTotal();
        v.readOnly = storage.isReadOnly();
        v.removable = isRemovableDevice(v.device) || mountedWhereDesktopsMountMedia(v.rootPath);
        if (v.readOnly || (!v.removable && !includeFixed))
            continue;
        out.append(v);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const EvidenceVolume& a, const EvidenceVolume& b) { return a.removable > b.removable; });
    return out;
}

} // namespace alpr
