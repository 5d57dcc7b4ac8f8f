#pragma once

// The report's formats. Each takes the gathered model and writes bytes; no
// renderer reads the lab or the docs index again.
//
// What each shows (the same model, the same order):
// summary by journey outcome, tasks, SUS, friction themes with quotes, top
// pages by evidence with their owners, zero-result searches, ranked
// hidden-assumption flags, timelines. Human-readable formats (HTML,
// Markdown, PDF) cut long lists (ReportLimits); JSON and CSV hold
// everything.

#include "sessions/common/result.h"
#include "sessions/report/reportmodel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace devzero::report {

enum class Format { Html, Markdown, Pdf, Csv, Json };
QString toString(Format format); // "html", "md", "pdf", "csv", "json"
std::optional<Format> formatFromString(const QString &text); // also "markdown"

// How much of each long list the human-readable formats show.
struct ReportLimits
{
    int pages = 15;
    int sectionsPerPage = 3;
    int flags = 30;
    int searches = 20;
    int timelines = -1; // -1: every session
    int itemsPerFlag = 3; // direct evidence quoted under a flag
};
ReportLimits defaultLimits(Format format);

// One self-contained HTML file: inline CSS and SVG, no script, no external
// reference, a Content-Security-Policy that forbids any request.
QByteArray renderHtml(const ReportModel &model, const ReportLimits &limits = defaultLimits(Format::Html));

// GitHub-flavoured Markdown to paste into an issue (GitHub keeps comments
// under 65,536 characters: the default limits stay well below for a
// typical lab; timelines are one line per session).
QByteArray renderMarkdown(const ReportModel &model, const ReportLimits &limits = defaultLimits(Format::Markdown));

// Schema "devzero.report/1" (resources/docs/report-json-schema.md), written
// compact: one line, ended by a newline.
QJsonObject reportJson(const ReportModel &model);
QByteArray renderJson(const ReportModel &model);

// One table per file (RFC 4180, CRLF, UTF-8 without BOM, header row).
struct CsvFile
{
    QString name; // "tasks.csv"
    QByteArray content;
};
QList<CsvFile> renderCsv(const ReportModel &model);

// A4 PDF through QTextDocument, charts painted as vectors. Needs a
// QGuiApplication (fonts); without one, an error says so.
Result<QByteArray> renderPdf(const ReportModel &model, const ReportLimits &limits = defaultLimits(Format::Pdf));
// The PDF's text as laid out (each chart an U+FFFC), for tests and for
// checking what a reader of the PDF gets. Needs a QGuiApplication too.
Result<QString> pdfText(const ReportModel &model, const ReportLimits &limits = defaultLimits(Format::Pdf));

// Renders and writes. HTML, Markdown, PDF, JSON: `path` is the file
// (written whole or not at all). CSV: `path` is a folder, created when
// missing, that receives one file per table (existing files of the same
// names are replaced; nothing else in the folder is touched). Returns the
// files written.
Result<QStringList> writeReport(const ReportModel &model, Format format, const QString &path);

} // namespace devzero::report
