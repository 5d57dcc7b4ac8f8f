#pragma once

// A consistent copy of a lab taken with SQLite's online backup API, so a
// backup can run while a session records: the copy is the lab as it was at
// one moment, and writers are never locked out for the whole copy.

#include "sessions/common/result.h"

#include <QString>

namespace devzero {

class LabDatabase;

namespace store {

struct BackupStats
{
    QString destination; // absolute path of the copy
    int pages = 0;       // database pages copied
    int steps = 0;       // backup steps (the source lock is released between them)
};

// Copies `lab` to `destination`, which must not exist (a lab is never
// overwritten) and whose folder must. The copy passes an integrity check
// before this returns; on any failure nothing is left at `destination`.
Result<BackupStats> backupLab(LabDatabase &lab, const QString &destination);

} // namespace store
} // namespace devzero
