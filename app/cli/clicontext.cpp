#include "app/cli/clicontext.h"

#include "sessions/store/labdatabase.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace devzero::cli {

CliContext::CliContext() : m_out(stdout), m_err(stderr) {}

CliContext::~CliContext() = default;

Result<LabDatabase *> CliContext::lab(LabUse use)
{
    if (!m_lab) {
        LabDatabase::Options options;
        options.create = use == LabUse::Create;
        Result<std::unique_ptr<LabDatabase>> opened = LabDatabase::open(labPath, options);
        if (!opened) {
            if (!options.create && opened.error().message.startsWith(QLatin1String("no lab at this path")))
                return Error{opened.error().message
                                 + QStringLiteral("; create one with `devzero plan import FILE` or `devzero demo`, or check --lab"),
                             opened.error().where};
            return opened.error();
        }
        m_lab = std::move(opened.value());
    }
    return m_lab.get();
}

QString CliContext::labDataDir() const
{
    const QFileInfo info(labPath);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".data");
}

int CliContext::fail(int code, const Error &error)
{
    if (json) {
        QJsonObject object{{QStringLiteral("error"), error.message}, {QStringLiteral("exit_code"), code}};
        if (!error.where.isEmpty())
            object.insert(QStringLiteral("where"), error.where);
        printJson(object);
    }
    m_err << program << ": " << error.toString() << Qt::endl;
    return code;
}

int CliContext::usage(const QString &message, const QString &helpText)
{
    // One clear line; the full help is one --help away.
    Q_UNUSED(helpText);
    m_err << program << ": " << message << " (see `" << program << " --help`)" << Qt::endl;
    return ExitUsage;
}

void CliContext::printJson(const QJsonValue &value)
{
    QJsonDocument doc;
    if (value.isArray())
        doc.setArray(value.toArray());
    else
        doc.setObject(value.toObject());
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) << Qt::flush;
}

} // namespace devzero::cli
