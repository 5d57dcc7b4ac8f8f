#include "sessions/analysis/sarif.h"

#include "sessions/analysis/rules.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

QString sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return u"error"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Info:
        return u"note"_s;
    }
    return u"warning"_s;
}

QString flagFingerprint(const Flag &flag)
{
    const QString key = flag.ruleId + u'\x1f' + flag.path + u'\x1f' + flag.term.toLower() + u'\x1f'
        + flag.excerpt.simplified();
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

QJsonObject sarifLog(const QList<Flag> &flags, const QString &toolVersion, const QString &rootUri)
{
    QJsonArray descriptors;
    QHash<QString, int> ruleIndex;
    for (const RuleInfo &rule : rules()) {
        ruleIndex.insert(rule.id, int(descriptors.size()));
        descriptors.append(QJsonObject{
            {u"id"_s, rule.id},
            {u"name"_s, rule.title},
            {u"shortDescription"_s, QJsonObject{{u"text"_s, rule.title}}},
            {u"fullDescription"_s, QJsonObject{{u"text"_s, rule.explanation}}},
            {u"defaultConfiguration"_s, QJsonObject{{u"level"_s, sarifLevel(rule.defaultSeverity)}}},
        });
    }

    QJsonArray results;
    for (const Flag &flag : flags) {
        QJsonObject region{{u"startLine"_s, qMax(1, flag.startLine)}, {u"endLine"_s, qMax(1, qMax(flag.startLine, flag.endLine))}};
        if (flag.column > 0)
            region.insert(u"startColumn"_s, flag.column);
        if (!flag.excerpt.isEmpty())
            region.insert(u"snippet"_s, QJsonObject{{u"text"_s, flag.excerpt}});
        const QJsonObject location{
            {u"physicalLocation"_s,
             QJsonObject{{u"artifactLocation"_s, QJsonObject{{u"uri"_s, flag.path}, {u"uriBaseId"_s, u"%SRCROOT%"_s}}},
                         {u"region"_s, region}}}};
        QJsonObject result{
            {u"ruleId"_s, flag.ruleId},
            {u"level"_s, sarifLevel(flag.severity)},
            {u"message"_s, QJsonObject{{u"text"_s, flag.message}}},
            {u"locations"_s, QJsonArray{location}},
            {u"partialFingerprints"_s, QJsonObject{{u"devzeroFlag/v1"_s, flagFingerprint(flag)}}},
            {u"properties"_s, QJsonObject{{u"term"_s, flag.term},
                                          {u"generated"_s, flag.generated},
                                          {u"score"_s, flag.score}}},
        };
        if (const auto it = ruleIndex.constFind(flag.ruleId); it != ruleIndex.constEnd())
            result.insert(u"ruleIndex"_s, *it);
        results.append(result);
    }

    QJsonObject run{
        {u"tool"_s, QJsonObject{{u"driver"_s, QJsonObject{{u"name"_s, u"devzero"_s},
                                                         {u"version"_s, toolVersion},
                                                         {u"semanticVersion"_s, toolVersion},
                                                         {u"rules"_s, descriptors}}}}},
        {u"columnKind"_s, u"utf16CodeUnits"_s},
        {u"results"_s, results},
    };
    if (!rootUri.isEmpty()) {
        QString uri = rootUri;
        if (!uri.endsWith(u'/'))
            uri += u'/';
        run.insert(u"originalUriBaseIds"_s, QJsonObject{{u"%SRCROOT%"_s, QJsonObject{{u"uri"_s, uri}}}});
    }
    return {{u"$schema"_s, QString::fromLatin1(kSarifSchemaUri)},
            {u"version"_s, u"2.1.0"_s},
            {u"runs"_s, QJsonArray{run}}};
}

} // namespace devzero::analysis
