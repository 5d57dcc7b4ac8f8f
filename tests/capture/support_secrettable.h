#pragma once

// Reads tests/fixtures/secrets/secrets.tsv, the table of secret formats seen
// in the wild, and expands each example template into a FAKE secret (see the
// file's header for the template language). Values are generated from a
// seed made of the format name, so every run sees the same secrets and no
// complete token is ever written into the repository.
//
// Header-only: test_redactor (capture) and test_secrets_absent (report) both
// use it, and the two folders share no support library.

#include "tests/common/testsupport.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace devzero::test {

struct SecretExample
{
    int line = 0;        // in secrets.tsv, for failure messages
    QString format;      // "github-classic-pat"
    QString rule;        // the redaction rule that must catch it
    QString description;
    QString text;        // what a tester would type: context + secret
    QString secret;      // the part that must never be stored
    QStringList pieces;  // distinctive parts of the secret (its generated runs), also never stored
};

namespace secrettable_detail {

class Generator
{
public:
    explicit Generator(const QString &seed)
    {
        m_state = 1469598103934665603ULL; // FNV-1a of the seed
        for (QChar c : seed) {
            m_state ^= c.unicode();
            m_state *= 1099511628211ULL;
        }
    }

    quint32 next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return quint32(m_state >> 33);
    }

    // `n` characters of `alphabet`; with letters and digits in the alphabet,
    // the run holds at least one of each (as real tokens almost always do).
    QString run(QStringView alphabet, int n)
    {
        QString out;
        for (int i = 0; i < n; ++i)
            out += alphabet.at(qsizetype(next() % quint32(alphabet.size())));
        if (n >= 4 && alphabet.contains(u'7') && alphabet.contains(u'f')) {
            out[1 + qsizetype(next() % quint32(n - 1))] = QChar(u'0' + int(next() % 10));
            if (std::none_of(out.cbegin(), out.cend(), [](QChar c) { return c.isLetter(); }))
                out[0] = u'f';
        }
        return out;
    }

    QByteArray bytes(int n)
    {
        QByteArray out;
        for (int i = 0; i < n; ++i)
            out += char(next() & 0xff);
        return out;
    }

private:
    quint64 m_state;
};

inline QString pemBlock(Generator &gen, const QString &kind, QStringList *pieces)
{
    const QString label = (kind == u"-" ? QString() : kind + u' ') + QStringLiteral("PRIVATE KEY");
    const QString body = QString::fromLatin1(gen.bytes(600).toBase64());
    QStringList lines;
    for (qsizetype i = 0; i < body.size(); i += 64) {
        lines << body.mid(i, 64);
        if (lines.last().size() >= 20)
            *pieces << lines.last().mid(4, 16);
    }
    return QStringLiteral("-----BEG") + QStringLiteral("IN ") + label + QStringLiteral("-----\n") + lines.join(u'\n')
        + QStringLiteral("\n-----E") + QStringLiteral("ND ") + label + QStringLiteral("-----");
}

inline QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Expands `{name:arg}`; the generated runs that are long enough to be
// distinctive go to `pieces`.
inline QString expandToken(Generator &gen, const QString &token, QStringList *pieces, QString *error)
{
    static const QString alnum = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    const QString name = token.section(u':', 0, 0);
    const QString arg = token.section(u':', 1);
    bool numeric = false;
    const int n = arg.toInt(&numeric);
    QString out;
    if (name == u"pem" || name == u"pemjson" || name == u"pem64") {
        if (arg.isEmpty()) {
            *error = QStringLiteral("{%1} needs a kind, e.g. {%1:RSA}").arg(token);
            return {};
        }
        QStringList bodyPieces;
        const QString block = pemBlock(gen, arg, &bodyPieces);
        if (name == u"pem64") {
            out = QString::fromLatin1((block + u'\n').toUtf8().toBase64());
            for (qsizetype i = 80; i + 16 < out.size(); i += 200)
                *pieces << out.mid(i, 16);
            return out;
        }
        *pieces << bodyPieces;
        return name == u"pemjson" ? QString(block).replace(u'\n', QStringLiteral("\\n")) : block;
    }
    if (name == u"jwt") {
        const QString header = base64Url(R"({"alg":"RS256","typ":"JWT","kid":")" + gen.run(alnum, 12).toLatin1() + "\"}");
        const QString payloadSubject = gen.run(alnum, 16);
        const QString payload = base64Url(R"({"iss":"https://auth.example.com","sub":")" + payloadSubject.toLatin1()
                                          + R"(","exp":1893456000})");
        const QString signature = gen.run(u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", 86);
        *pieces << header.right(16) << payload.mid(payload.size() / 2, 16) << signature;
        return header + u'.' + payload + u'.' + signature;
    }
    if (name == u"uuid") {
        const QString hex = gen.run(u"0123456789abcdef", 32);
        out = hex.left(8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-' + hex.mid(20);
        *pieces << out;
        return out;
    }
    static const QHash<QString, QString> alphabets{
        {QStringLiteral("a"), alnum},
        {QStringLiteral("A"), QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")},
        {QStringLiteral("l"), QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789")},
        {QStringLiteral("h"), QStringLiteral("abcdef0123456789")},
        {QStringLiteral("d"), QStringLiteral("0123456789")},
        {QStringLiteral("b"), alnum + QStringLiteral("+/")},
        {QStringLiteral("u"), alnum + QStringLiteral("_-")},
    };
    if (!alphabets.contains(name) || !numeric || n < 1 || n > 4096) {
        *error = QStringLiteral("unknown template {%1}").arg(token);
        return {};
    }
    out = gen.run(alphabets.value(name), n);
    if (n >= 8)
        *pieces << out;
    if (n >= 24)
        *pieces << out.left(10) << out.mid(n / 2 - 5, 10) << out.right(10);
    return out;
}

// {a:16}, {uuid}, {pem:RSA}; any other brace (JSON, HCL) is text.
inline const QRegularExpression &templateToken()
{
    static const QRegularExpression re(QStringLiteral("\\{[A-Za-z0-9]+(?::[A-Za-z0-9-]+)?\\}"));
    return re;
}

inline bool expandExample(SecretExample &ex, const QString &tmpl, QString *error)
{
    Generator gen(ex.format);
    bool inSecret = false;
    int secrets = 0;
    for (qsizetype i = 0; i < tmpl.size(); ++i) {
        const QChar c = tmpl.at(i);
        QString piece;
        QStringList runPieces;
        if (c == u'\\' && i + 1 < tmpl.size()) {
            const QChar e = tmpl.at(++i);
            piece = e == u'n' ? QStringLiteral("\n") : e == u't' ? QStringLiteral("\t") : QString(e);
        } else if (QStringView(tmpl).mid(i, 2) == u"[[") {
            if (inSecret) {
                *error = QStringLiteral("nested [[");
                return false;
            }
            inSecret = true;
            ++secrets;
            ++i;
            continue;
        } else if (QStringView(tmpl).mid(i, 2) == u"]]" && inSecret) {
            inSecret = false;
            ++i;
            continue;
        } else if (const auto m = templateToken().match(tmpl, i, QRegularExpression::NormalMatch,
                                                        QRegularExpression::AnchorAtOffsetMatchOption);
                   m.hasMatch()) {
            const qsizetype close = m.capturedEnd() - 1;
            piece = expandToken(gen, tmpl.mid(i + 1, close - i - 1), &runPieces, error);
            if (!error->isEmpty())
                return false;
            i = close;
        } else {
            piece = c;
        }
        ex.text += piece;
        if (inSecret) {
            ex.secret += piece;
            ex.pieces << runPieces;
        }
    }
    if (secrets != 1 || inSecret) {
        *error = QStringLiteral("the example needs exactly one [[secret]]");
        return false;
    }
    ex.pieces.removeDuplicates();
    return true;
}

} // namespace secrettable_detail

inline QString secretTablePath()
{
    return fixturePath(QStringLiteral("secrets/secrets.tsv"));
}

// The table, or an empty list with `error` saying what is wrong and where.
inline QList<SecretExample> loadSecretTable(QString *error)
{
    QFile file(secretTablePath());
    if (!file.open(QIODevice::ReadOnly)) {
        *error = secretTablePath() + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<SecretExample> out;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    bool sawHeader = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QString where = QStringLiteral("secrets.tsv:%1: ").arg(i + 1);
        const QStringList cols = line.split(u'\t');
        if (cols.size() != 4) {
            *error = where + QStringLiteral("expected 4 tab-separated columns, found %1").arg(cols.size());
            return {};
        }
        if (!sawHeader) {
            sawHeader = true;
            if (cols.first() != u"format") {
                *error = where + QStringLiteral("the first row must be the header (format, rule, description, example)");
                return {};
            }
            continue;
        }
        SecretExample ex;
        ex.line = int(i + 1);
        ex.format = cols.at(0);
        ex.rule = cols.at(1);
        ex.description = cols.at(2);
        QString failed;
        if (!secrettable_detail::expandExample(ex, cols.at(3), &failed)) {
            *error = where + failed;
            return {};
        }
        if (!ex.pieces.contains(ex.secret))
            ex.pieces.prepend(ex.secret);
        out << ex;
    }
    return out;
}

} // namespace devzero::test
