#pragma once

#include <QList>
#include <QString>

namespace alpr {

/// A mounted file system an evidence package could go to.
struct EvidenceVolume {
    QString rootPath;
    QString displayName;    ///< label, or the mount point's name
    QString device;         ///< e.g. /dev/sdb1
    QString fileSystemType; ///< vfat, exfat, ext4 ...
    qint64 bytesAvailable = 0;
    qint64 bytesTotal = 0;
    bool removable = false; ///< a USB stick or card (by sysfs, or mounted under /media or /run/media)
    bool readOnly = false;
};

/// The volumes to offer for an export: Qt's QStorageInfo for what is mounted, sysfs for which of them are
/// removable (QStorageInfo cannot tell). Pseudo and system file systems are left out.
class RemovableVolumes {
public:
    /// Removable, writable volumes first; with includeFixed, the other writable volumes follow.
    [[nodiscard]] static QList<EvidenceVolume> list(bool includeFixed = false);
    /// Whether a block device (e.g. /dev/sdb1, /dev/mmcblk0p1) is removable or on USB, per sysfs under sysfsRoot.
    [[nodiscard]] static bool isRemovableDevice(const QString& device,
                                                const QString& sysfsRoot = QStringLiteral("/sys"));
};

} // namespace alpr
