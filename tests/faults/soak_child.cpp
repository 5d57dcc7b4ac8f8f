// A recording process for the soak test: attaches to a session and records
// notes and markers in a loop. Each text carries a unique token; the process
// prints "BEGIN <token>" before the call and "ACK <token> <event id>" after
// it returned, so the parent knows exactly which event was in flight when it
// killed the process.
// Usage: devzero_soak_child LAB SESSION_ID TOKEN_PREFIX

#include "sessions/capture/sessionengine.h"
#include "sessions/store/labdatabase.h"

#include <QCoreApplication>

#include <cstdio>

using namespace devzero;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: %s LAB SESSION_ID TOKEN_PREFIX\n", argv[0]);
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
    const QString prefix = args.at(3);
    for (qint64 i = 0;; ++i) {
        const QString token = prefix + QString::number(i);
        std::printf("BEGIN %s\n", qPrintable(token));
        std::fflush(stdout);
        Result<capture::Recorded> r = (i % 2 == 0)
            ? engine.note(capture::NoteInput{token, 2, QStringLiteral("other"), {}, {}, {}})
            : engine.marker(token);
        if (!r) {
            std::fprintf(stderr, "record failed: %s\n", qPrintable(r.error().toString()));
            return 5;
        }
        std::printf("ACK %s %lld\n", qPrintable(token), static_cast<long long>(r->eventId));
        std::fflush(stdout);
    }
}
