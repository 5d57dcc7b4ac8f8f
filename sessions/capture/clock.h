#pragma once

// The time seam: the engine asks a Clock, so tests can drive time by hand
// instead of sleeping.

#include <QString>

namespace devzero::capture {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 wallMs() const = 0;      // UTC milliseconds since the epoch
    virtual qint64 monotonicNs() const = 0; // system-wide monotonic clock (CLOCK_MONOTONIC): comparable across processes of one boot
    virtual QString bootId() const = 0;     // changes at every reboot; monotonic readings compare only within one boot
};

// The real clocks of this machine.
const Clock &systemClock();

// A clock that moves only when told to.
class ManualClock final : public Clock
{
public:
    ManualClock(qint64 wallMs = 1'767'225'600'000, qint64 monotonicNs = 1'000'000'000, QString bootId = QStringLiteral("test-boot"))
        : m_wallMs(wallMs), m_monoNs(monotonicNs), m_bootId(std::move(bootId))
    {
    }
    qint64 wallMs() const override { return m_wallMs; }
    qint64 monotonicNs() const override { return m_monoNs; }
    QString bootId() const override { return m_bootId; }

    void advanceMs(qint64 ms)
    {
        m_wallMs += ms;
        m_monoNs += ms * 1'000'000;
    }
    void reboot(QString newBootId, qint64 monotonicNs)
    {
        m_bootId = std::move(newBootId);
        m_monoNs = monotonicNs;
    }

private:
    qint64 m_wallMs;
    qint64 m_monoNs;
    QString m_bootId;
};

} // namespace devzero::capture
