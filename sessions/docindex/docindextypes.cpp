#include "sessions/docindex/docindextypes.h"

namespace devzero::docindex {

QString stageName(Progress::Stage stage)
{
    switch (stage) {
    case Progress::Stage::Cloning: return QStringLiteral("cloning");
    case Progress::Stage::Fetching: return QStringLiteral("fetching");
    case Progress::Stage::Reading: return QStringLiteral("reading");
    case Progress::Stage::Parsing: return QStringLiteral("parsing");
    case Progress::Stage::History: return QStringLiteral("history");
    case Progress::Stage::Writing: return QStringLiteral("writing");
    case Progress::Stage::Done: return QStringLiteral("done");
    }
    return {};
}

QString linkStatusName(PageLink::Status status)
{
    switch (status) {
    case PageLink::Status::Ok: return QStringLiteral("ok");
    case PageLink::Status::BrokenFile: return QStringLiteral("broken-file");
    case PageLink::Status::BrokenAnchor: return QStringLiteral("broken-anchor");
    case PageLink::Status::EscapesRepository: return QStringLiteral("escapes-repository");
    case PageLink::Status::OutsideIndex: return QStringLiteral("outside-index");
    case PageLink::Status::External: return QStringLiteral("external");
    case PageLink::Status::Other: return QStringLiteral("other");
    }
    return {};
}

QList<PageTerm> PageInfo::termsOf(const QString &kind) const
{
    QList<PageTerm> out;
    for (const PageTerm &term : terms) {
        if (term.kind == kind)
            out << term;
    }
    return out;
}

} // namespace devzero::docindex
