#pragma once

// Private to the PDF report: a QTextDocument whose charts are custom text
// objects painting ChartScenes (vectors in the PDF), and its pagination.

#include "sessions/common/result.h"
#include "sessions/report/svgcharts.h"

#include <QString>

class QPainter;
class QPdfWriter;
class QTextDocument;

namespace devzero::report {

// The placeholder the HTML carries where chart `index` goes. It holds
// U+FFFF, which cleanText never lets through, so no user text can fake one.
QString chartMarker(int index);

// Sets the document's HTML and replaces each marker with its chart, drawn
// at the full text width. The document must outlive nothing it is given:
// the charts are copied into a handler the document owns.
Result<void> buildPdfDocument(QTextDocument &document, const QString &html, const QList<ChartScene> &charts);

// Lays the document out on the writer's pages (its margins), prints a
// footer with the page number on each, and paints every page.
void printDocument(QTextDocument &document, QPdfWriter &writer, const QString &footer);

// Paints a scene scaled into target.
void paintScene(QPainter &painter, const ChartScene &scene, const QRectF &target);

} // namespace devzero::report
