#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace alpr {

/// One release of ALPR data to another law-enforcement agency (Civil Code 1798.90.55 asks for a record of every
/// sharing): who received it, how their identity was verified, on what legal basis, for which case, what went out,
/// who approved it, and the evidence package that carried it.
struct AgencyRelease {
    qint64 id = 0;
    QString agency;
    QString officer;          ///< the requesting officer
    QString officerContact;   ///< phone or e-mail
    QString identityVerified; ///< how: call-back to the agency's published number, badge and ID seen ...
    QString legalBasis;
    QString caseNumber; ///< the case at this agency the export was made under
    QString releasedWhat;
    QString approvedBy;
    QString packageName; ///< the evidence package (evidence_exports) that carried the data; may be empty
    QString manifestSha256;
    QDateTime releasedUtc;
    QString recordedBy;
};

/// What recording a release takes; every text field is required except packageName.
struct NewAgencyRelease {
    QString agency;
    QString officer;
    QString officerContact;
    QString identityVerified;
    QString legalBasis;
    QString caseNumber;
    QString releasedWhat;
    QString approvedBy;
    QString packageName;
};

/// The sharing report: releases of a period grouped by agency (agencies sorted by name, releases by time).
struct SharingReport {
    struct AgencyLine {
        QString agency;
        QList<AgencyRelease> releases;
    };
    QDateTime fromUtc;
    QDateTime toUtc;
    QList<AgencyLine> agencies;
    int total = 0;
};

} // namespace alpr
