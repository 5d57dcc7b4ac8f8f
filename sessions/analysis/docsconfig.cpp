#include "sessions/analysis/docsconfig.h"

#include "sessions/analysis/flag.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace devzero::analysis {

namespace {

enum class KeyKind { List, Map, SeverityMap, Unknown };

KeyKind kindOf(const QString &key)
{
    static const QSet<QString> lists = {u"internal_hosts"_s, u"generated"_s, u"known_tools"_s, u"known_acronyms"_s,
                                        u"known_env_vars"_s};
    if (lists.contains(key))
        return KeyKind::List;
    if (key == u"ignore")
        return KeyKind::Map;
    if (key == u"severity")
        return KeyKind::SeverityMap;
    return KeyKind::Unknown;
}

// Removes a trailing comment: '#' at the start or after whitespace, outside quotes.
QString stripComment(const QString &line)
{
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"')
                ++i;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'#' && (i == 0 || line[i - 1].isSpace())) {
            return line.left(i);
        }
    }
    return line;
}

struct Scalar
{
    QString value;
    QString error;
};

Scalar unquote(QString text)
{
    text = text.trimmed();
    if (text.startsWith(u'"')) {
        QString out;
        for (qsizetype i = 1; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c == u'\\' && i + 1 < text.size()) {
                out += text[++i];
            } else if (c == u'"') {
                if (!text.mid(i + 1).trimmed().isEmpty())
                    return {{}, u"text after the closing quote"_s};
                return {out, {}};
            } else {
                out += c;
            }
        }
        return {{}, u"a quote that is never closed"_s};
    }
    if (text.startsWith(u'\'')) {
        QString out;
        for (qsizetype i = 1; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c == u'\'') {
                if (i + 1 < text.size() && text[i + 1] == u'\'') {
                    out += c;
                    ++i;
                    continue;
                }
                if (!text.mid(i + 1).trimmed().isEmpty())
                    return {{}, u"text after the closing quote"_s};
                return {out, {}};
            }
            out += c;
        }
        return {{}, u"a quote that is never closed"_s};
    }
    return {text, {}};
}

// "[a, 'b']" -> items; nullopt when the text is not a flow list.
std::optional<QStringList> flowList(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (!t.startsWith(u'[') || !t.endsWith(u']'))
        return std::nullopt;
    QStringList items;
    const QString inner = t.mid(1, t.size() - 2);
    if (inner.trimmed().isEmpty())
        return items;
    for (const QString &part : inner.split(u',')) {
        const Scalar s = unquote(part);
        if (!s.error.isEmpty()) {
            *error = s.error;
            return std::nullopt;
        }
        items << s.value;
    }
    return items;
}

int indentOf(const QString &line, bool *tab)
{
    int n = 0;
    while (n < line.size() && (line[n] == u' ' || line[n] == u'\t')) {
        if (line[n] == u'\t')
            *tab = true;
        ++n;
    }
    return n;
}

// "key: value" -> (key, value); the colon must be followed by a space or the end.
bool splitKey(const QString &text, QString *key, QString *value)
{
    QString keyText;
    qsizetype colon = -1;
    if (text.startsWith(u'"') || text.startsWith(u'\'')) {
        const qsizetype close = text.indexOf(text[0], 1);
        if (close < 0)
            return false;
        colon = text.indexOf(u':', close);
        keyText = text.mid(1, close - 1);
    } else {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == u':' && (i + 1 == text.size() || text[i + 1] == u' ')) {
                colon = i;
                break;
            }
        }
        keyText = text.left(colon).trimmed();
    }
    if (colon < 0 || keyText.isEmpty())
        return false;
    *key = keyText;
    *value = text.mid(colon + 1).trimmed();
    return true;
}

bool knownRule(const QString &id)
{
    static const QSet<QString> ids = {u"undeclared-tool"_s,     u"unexplained-env-var"_s, u"unexplained-placeholder"_s,
                                      u"undefined-acronym"_s,   u"minimising-word"_s,     u"internal-link"_s,
                                      u"broken-link"_s,         u"missing-prerequisites"_s, u"dangling-reference"_s};
    return ids.contains(id);
}

void addToList(DocsConfig &config, const QString &key, const QString &value)
{
    if (value.isEmpty())
        return;
    if (key == u"internal_hosts")
        config.internalHosts << value.toLower();
    else if (key == u"generated")
        config.generated << value;
    else if (key == u"known_tools")
        config.knownTools.insert(value);
    else if (key == u"known_acronyms")
        config.knownAcronyms.insert(value);
    else if (key == u"known_env_vars")
        config.knownEnvVars.insert(value);
}

bool globSegments(const QStringList &glob, qsizetype gi, const QStringList &path, qsizetype pi);

bool segmentMatch(QStringView glob, QStringView text)
{
    // Iterative '*' / '?' matching with one backtrack point.
    qsizetype g = 0, t = 0, starG = -1, starT = 0;
    while (t < text.size()) {
        if (g < glob.size() && (glob[g] == u'?' || glob[g] == text[t])) {
            ++g;
            ++t;
        } else if (g < glob.size() && glob[g] == u'*') {
            starG = g++;
            starT = t;
        } else if (starG >= 0) {
            g = starG + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == u'*')
        ++g;
    return g == glob.size();
}

bool globSegments(const QStringList &glob, qsizetype gi, const QStringList &path, qsizetype pi)
{
    while (gi < glob.size()) {
        if (glob[gi] == u"**") {
            for (qsizetype skip = pi; skip <= path.size(); ++skip)
                if (globSegments(glob, gi + 1, path, skip))
                    return true;
            return false;
        }
        if (pi >= path.size() || !segmentMatch(glob[gi], path[pi]))
            return false;
        ++gi;
        ++pi;
    }
    return pi == path.size();
}

std::optional<quint32> parseIpv4(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (const QStringView part : parts) {
        bool ok = false;
        const uint octet = part.toUInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || octet > 255)
            return std::nullopt;
        value = (value << 8) | octet;
    }
    return value;
}

bool inIpv4Range(const QString &host, const QString &cidr)
{
    const qsizetype slash = cidr.indexOf(u'/');
    const auto address = parseIpv4(host);
    const auto network = parseIpv4(QStringView(cidr).left(slash));
    bool ok = false;
    const int bits = cidr.mid(slash + 1).toInt(&ok);
    if (!address || !network || !ok || bits < 0 || bits > 32)
        return false;
    const quint32 mask = bits == 0 ? 0 : ~quint32(0) << (32 - bits);
    return (*address & mask) == (*network & mask);
}

} // namespace

bool globMatch(const QString &glob, const QString &path)
{
    QString g = glob.trimmed();
    while (g.startsWith(u"./"))
        g.remove(0, 2);
    if (g.startsWith(u'/'))
        g.remove(0, 1);
    if (g.endsWith(u'/'))
        g += u"**"_s;
    return globSegments(g.split(u'/', Qt::SkipEmptyParts), 0, path.split(u'/', Qt::SkipEmptyParts), 0);
}

bool hostMatches(const QString &pattern, const QString &host)
{
    const QString p = pattern.trimmed().toLower();
    QString h = host.toLower();
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (p.isEmpty() || h.isEmpty())
        return false;
    if (p.startsWith(u"*.")) {
        const QString suffix = p.mid(1); // ".corp.example"
        return h.endsWith(suffix) && h.size() > suffix.size();
    }
    if (p.contains(u'/'))
        return inIpv4Range(h, p);
    return p == h;
}

bool DocsConfig::isGenerated(const QString &path) const
{
    for (const QString &glob : generated)
        if (globMatch(glob, path))
            return true;
    return false;
}

bool DocsConfig::isIgnored(const QString &ruleId, const QString &path) const
{
    for (const QString &key : {ruleId, u"*"_s}) {
        const auto it = ignore.constFind(key);
        if (it == ignore.constEnd())
            continue;
        for (const QString &glob : *it)
            if (globMatch(glob, path))
                return true;
    }
    return false;
}

bool DocsConfig::isInternalHost(const QString &host) const
{
    // Hosts no reader outside the company can reach: loopback, private and
    // link-local ranges, and the names intranets use.
    static const QStringList builtIn = {u"localhost"_s,     u"*.localhost"_s,    u"127.0.0.0/8"_s, u"10.0.0.0/8"_s,
                                        u"172.16.0.0/12"_s, u"192.168.0.0/16"_s, u"169.254.0.0/16"_s,
                                        u"0.0.0.0"_s,       u"::1"_s,            u"*.internal"_s,
                                        u"*.local"_s,       u"*.corp"_s};
    for (const QString &pattern : builtIn)
        if (hostMatches(pattern, host))
            return true;
    for (const QString &pattern : internalHosts)
        if (hostMatches(pattern, host))
            return true;
    return false;
}

std::optional<Severity> DocsConfig::severityOf(const QString &ruleId, bool *off) const
{
    if (off)
        *off = false;
    const auto it = severity.constFind(ruleId);
    if (it == severity.constEnd())
        return std::nullopt;
    if (*it == u"off") {
        if (off)
            *off = true;
        return std::nullopt;
    }
    return severityFromString(*it);
}

Result<DocsConfig> parseDocsConfig(QByteArrayView yaml, const QString &fileName)
{
    DocsConfig config;
    config.fileName = fileName;
    const QStringList lines = QString::fromUtf8(yaml).split(u'\n');
    QString key;                 // current top-level key
    KeyKind kind = KeyKind::Unknown;
    QString subKey;              // current rule under ignore:
    int subIndent = -1;
    auto where = [&](int lineNo) { return u"%1:%2"_s.arg(fileName).arg(lineNo); };

    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QString line = stripComment(lines[i]);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (lineNo == 1 && line.trimmed() == u"---")
            continue;
        bool tab = false;
        const int indent = indentOf(line, &tab);
        if (tab)
            return makeError(u"tab in the indentation: YAML indents with spaces"_s, where(lineNo));
        const QString text = line.mid(indent).trimmed();

        if (indent == 0) {
            QString value;
            if (!splitKey(text, &key, &value))
                return makeError(u"expected \"key:\" at the top level, found \"%1\""_s.arg(text), where(lineNo));
            kind = kindOf(key);
            subKey.clear();
            subIndent = -1;
            if (kind == KeyKind::Unknown) {
                config.warnings << u"%1: unknown key '%2' ignored"_s.arg(where(lineNo), key);
                continue;
            }
            if (value.isEmpty() || value == u"[]" || value == u"{}" || value == u"~" || value == u"null")
                continue;
            QString error;
            const auto items = flowList(value, &error);
            if (!error.isEmpty())
                return makeError(error, where(lineNo));
            if (kind == KeyKind::List && items) {
                for (const QString &item : *items)
                    addToList(config, key, item);
                continue;
            }
            return makeError(u"'%1' takes a %2 on the lines below it, not \"%3\""_s
                                 .arg(key, kind == KeyKind::List ? u"list"_s : u"mapping"_s, value),
                             where(lineNo));
        }

        if (key.isEmpty())
            return makeError(u"indented line before any key"_s, where(lineNo));
        if (kind == KeyKind::Unknown)
            continue;

        if (text.startsWith(u"- ") || text == u"-") {
            const Scalar item = unquote(text.mid(1));
            if (!item.error.isEmpty())
                return makeError(item.error, where(lineNo));
            if (kind == KeyKind::List) {
                addToList(config, key, item.value);
            } else if (kind == KeyKind::Map && !subKey.isEmpty() && indent >= subIndent) {
                if (!item.value.isEmpty())
                    config.ignore[subKey] << item.value;
            } else {
                return makeError(u"list item where '%1' expects \"rule-id:\""_s.arg(key), where(lineNo));
            }
            continue;
        }

        QString name;
        QString value;
        if (kind == KeyKind::List || !splitKey(text, &name, &value))
            return makeError(u"expected \"- value\" under '%1', found \"%2\""_s.arg(key, text), where(lineNo));
        if (name != u"*" && !knownRule(name))
            config.warnings << u"%1: unknown rule '%2'"_s.arg(where(lineNo), name);
        if (kind == KeyKind::SeverityMap) {
            const QString level = unquote(value).value.toLower();
            if (level != u"off" && !severityFromString(level))
                return makeError(u"severity of '%1' must be error, warning, info or off, not \"%2\""_s.arg(name, value),
                                 where(lineNo));
            config.severity.insert(name, level);
            continue;
        }
        subKey = name;
        subIndent = indent;
        QString error;
        const auto items = flowList(value, &error);
        if (!error.isEmpty())
            return makeError(error, where(lineNo));
        if (items) {
            config.ignore[subKey] << *items;
        } else if (!value.isEmpty()) {
            const Scalar single = unquote(value);
            if (!single.error.isEmpty())
                return makeError(single.error, where(lineNo));
            config.ignore[subKey] << single.value;
        }
    }
    return config;
}

Result<DocsConfig> loadDocsConfig(const QString &filePath, const QString &displayName)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"cannot read the config: %1"_s.arg(file.errorString()), filePath);
    return parseDocsConfig(file.readAll(), displayName.isEmpty() ? filePath : displayName);
}

} // namespace devzero::analysis
