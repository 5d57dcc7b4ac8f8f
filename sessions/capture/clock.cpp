#include "sessions/capture/clock.h"

#include <QDateTime>
#include <QSysInfo>

#include <ctime>

namespace devzero::capture {

namespace {

class SystemClock final : public Clock
{
public:
    SystemClock() : m_bootId(QString::fromLatin1(QSysInfo::bootUniqueId().trimmed()))
    {
        if (m_bootId.isEmpty())
            m_bootId = QStringLiteral("unknown-boot");
    }
    qint64 wallMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    qint64 monotonicNs() const override
    {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    QString bootId() const override { return m_bootId; }

private:
    QString m_bootId;
};

} // namespace

const Clock &systemClock()
{
    static const SystemClock clock;
    return clock;
}

} // namespace devzero::capture
