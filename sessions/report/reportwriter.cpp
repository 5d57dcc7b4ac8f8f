#include "sessions/report/renderers.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

// Formats by name, their default limits, and writing a rendered report to
// disk: each file through QSaveFile, so a failure (disk full, no
// permission) leaves any previous report untouched.

namespace devzero::report {

namespace {

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("cannot write the report: %1").arg(file.errorString()), path);
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return makeError(QStringLiteral("writing the report failed: %1").arg(why), path);
    }
    if (!file.commit())
        return makeError(QStringLiteral("writing the report failed: %1").arg(file.errorString()), path);
    return {};
}

} // namespace

QString toString(Format format)
{
    switch (format) {
    case Format::Html: return QStringLiteral("html");
    case Format::Markdown: return QStringLiteral("md");
    case Format::Pdf: return QStringLiteral("pdf");
    case Format::Csv: return QStringLiteral("csv");
    case Format::Json: return QStringLiteral("json");
    }
    return {};
}

std::optional<Format> formatFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("html"))
        return Format::Html;
    if (t == QLatin1String("md") || t == QLatin1String("markdown"))
        return Format::Markdown;
    if (t == QLatin1String("pdf"))
        return Format::Pdf;
    if (t == QLatin1String("csv"))
        return Format::Csv;
    if (t == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

ReportLimits defaultLimits(Format format)
{
    ReportLimits limits;
    switch (format) {
    case Format::Markdown:
        // An issue comment holds 65,536 characters.
        limits.pages = 10;
        limits.flags = 15;
        limits.searches = 10;
        limits.timelines = 25;
        limits.itemsPerFlag = 2;
        break;
    case Format::Pdf:
        limits.timelines = 60;
        break;
    case Format::Html:
    case Format::Csv:
    case Format::Json:
        break;
    }
    return limits;
}

Result<QStringList> writeReport(const ReportModel &model, Format format, const QString &path)
{
    if (path.trimmed().isEmpty())
        return makeError(QStringLiteral("no output path was given"), QStringLiteral("-o"));
    switch (format) {
    case Format::Html:
    case Format::Markdown:
    case Format::Json:
    case Format::Pdf: {
        if (QFileInfo(path).isDir())
            return makeError(QStringLiteral("is a folder; the %1 report is one file").arg(toString(format)), path);
        QByteArray bytes;
        if (format == Format::Html)
            bytes = renderHtml(model);
        else if (format == Format::Markdown)
            bytes = renderMarkdown(model);
        else if (format == Format::Json)
            bytes = renderJson(model);
        else {
            Result<QByteArray> pdf = renderPdf(model);
            if (!pdf)
                return pdf.error();
            bytes = std::move(*pdf);
        }
        if (auto written = writeFile(path, bytes); !written)
            return written.error();
        return QStringList{path};
    }
    case Format::Csv: {
        const QFileInfo info(path);
        if (info.exists() && !info.isDir())
            return makeError(QStringLiteral("exists and is not a folder; CSV output is a folder of one file per table"), path);
        if (!QDir().mkpath(path))
            return makeError(QStringLiteral("cannot create the folder for the CSV files"), path);
        QStringList written;
        for (const CsvFile &file : renderCsv(model)) {
            const QString target = QDir(path).filePath(file.name);
            if (auto ok = writeFile(target, file.content); !ok)
                return ok.error();
            written << target;
        }
        return written;
    }
    }
    return makeError(QStringLiteral("unknown format"));
}

} // namespace devzero::report
