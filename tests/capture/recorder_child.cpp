// A recording process for the crash tests: opens a lab, attaches to a
// session and records events in a loop, printing "ACK <event id>" on stdout
// only after each call has returned. The parent kills it at random.
// Usage: devzero_recorder_child LAB SESSION_ID [MAX_EVENTS]

#include "sessions/capture/sessionengine.h"
#include "sessions/store/labdatabase.h"

#include <QCoreApplication>

#include <cstdio>

using namespace devzero;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: %s LAB SESSION_ID [MAX_EVENTS]\n", argv[0]);
        return 2;
    }
    auto lab = LabDatabase::open(args.at(1));
    if (!lab) {
        std::fprintf(stderr, "%s\n", qPrintable(lab.error().toString()));
        return 3;
    }
    capture::SessionEngine engine(**lab);
    if (auto s = engine.open(args.at(2).toLongLong()); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
        return 4;
    }
    const qint64 max = args.size() > 3 ? args.at(3).toLongLong() : 1'000'000;
    for (qint64 i = 0; i < max; ++i) {
        Result<capture::Recorded> r = (i % 3 == 0)
            ? engine.note(capture::NoteInput{QStringLiteral("note %1 from pid %2").arg(i).arg(app.applicationPid()), 2,
                                             QStringLiteral("other"), {}, {}, {}})
            : engine.marker(QStringLiteral("marker %1").arg(i));
        if (!r) {
            std::fprintf(stderr, "record failed: %s\n", qPrintable(r.error().toString()));
            return 5;
        }
        std::printf("ACK %lld\n", static_cast<long long>(r->eventId));
        std::fflush(stdout);
    }
    return 0;
}
