#pragma once

// Secrets are redacted before anything reaches the lab database: friction
// notes, shell commands, searches, working directories, tool versions. Each
// secret becomes "[REDACTED:<rule-id>]"; the text around it stays, so a
// reviewer still sees *what* the tester did ("export GITHUB_TOKEN=[REDACTED:
// github-token]") without the value.
//
// Precision over recall where the two collide, because over-redaction hides
// the evidence the lab exists to collect. The choices, in one place:
// - Prefixed vendor tokens (ghp_, glpat-, xoxb-, sk_live_, AIza, npm_, SG.,
//   AKIA/ASIA, sk-ant-, sk-proj-, pypi-, dckr_pat_, hvs., dop_v1_, shpat_,
//   JWTs, PEM private keys and their base64 ...) are redacted wherever they
//   appear; the table is in redactionrules.cpp, one example of each format in
//   tests/fixtures/secrets/secrets.tsv. Public values are not: Stripe pk_
//   keys, PEM public keys and certificates, ssh-rsa lines, AWS account ids.
// - Key/value pairs are redacted when the KEY names a secret: it contains
//   TOKEN, SECRET, PASSWORD, PASSWD, PASSPHRASE, API_KEY, APIKEY, PRIVATE_KEY,
//   CREDENTIAL, ACCOUNT_KEY, SIGNING_KEY or ENCRYPTION_KEY (case, '-', '.'
//   and camelCase normalised, so api-key, apiKey and X_API_KEY all count), or
//   is exactly PASS / AUTH as a word. This covers `password=`, `passwd: x`,
//   `"token": "x"`, `?api_key=x&`, `export X_TOKEN=x`, `$env:X_SECRET="x"`.
//   Not secrets: keys whose last word says the value is about the secret
//   (..._FILE, _PATH, _DIR, _URL, _NAME, _TYPE, _TTL, _ID, _LENGTH, ...),
//   plurals such as max_tokens, and PWD/OLDPWD (working directories).
// - An unquoted value runs to whitespace, a quote, ';' or '&' (and ',' '}'
//   ']' after ':'), so `(token=x)` loses the ')' too: cutting a password
//   short would leak its tail.
// - `key: value` (YAML, JSON, headers, prose) needs evidence that it is data
//   and not a sentence: a quoted key or value, a YAML-like line (the key
//   starts it, the value ends it), the value followed by a quote/','/'}', or
//   a value with a digit or symbol. "the token: expired" and "Password:
//   forgot it, ..." stay; "token: abc123" goes.
// - Values that are only a variable reference ($VAR, ${VAR}, $(cmd),
//   ${{ expr }}) are kept: they show what the tester typed and carry no
//   secret. A CREDENTIAL or PRIVATE_KEY key whose value is a file path
//   (GOOGLE_APPLICATION_CREDENTIALS=/x.json) is kept too.
// - Flags: `--password X`, `--password=X`, `--token`, `--secret`,
//   `--client-secret`, `--api-key`, `--account-key`, `--cookie`, `-pass X`
//   ... with one or two dashes. `-p X` is NOT treated as a password (it is a
//   port, a profile, a parent flag in most tools) except after
//   `docker|podman|nerdctl|buildah|skopeo|oras|helm registry login`. mysql's
//   attached `-pSECRET` is not recognised for the same reason. Boolean
//   look-alikes (--password-stdin, --no-password, --ask-pass, --with-token)
//   and a following flag (`mysql --password -h db`) never count as values.
// - `curl -u user:pass` / `--user`, HTTPie `-a/--auth user:pass`: only the
//   password (`-u 1000:1000` outside curl is a uid:gid). URLs
//   `scheme://user:pass@host` redact the password, keep user and host.
// - Whatever goes into a secret store is secret whatever its key is called:
//   `kubectl ... --from-literal=K=V` (not on a configmap line), `gh secret
//   set --body V`; `npm|yarn|pnpm config set` and `aws configure set` follow
//   the key-name rule above. Cookie / Set-Cookie header values are redacted.
// - Authorization headers keep the scheme visible ("Bearer [REDACTED:...]");
//   a bare "Bearer X" outside a header needs X to look like a token (16+
//   token characters with a digit), so "a bearer token" stays readable.
// - No generic entropy rule and no free prose ("my password is hunter2"
//   stays): commit SHAs, UUIDs, hashes, digests and paths must survive.
// - Known gaps: `fly secrets set K=V` / `heroku config:set K=V` with names
//   that do not say secret, Kubernetes `env: - name: X_PASSWORD / value: v`
//   pairs split over two lines, YAML block scalars (`password: |`).
//
// Text that is invalid UTF-16 (lone surrogates) is matched and returned with
// each lone surrogate replaced by U+FFFD, so a broken string can never make
// the matcher skip a secret. Offsets stay the same (one code unit each).
//
// All patterns are linear: every unbounded repetition is possessive or
// followed by a character it cannot match, and every "look around for
// context" window is bounded, so hostile megabyte inputs cost linear time.

#include <QList>
#include <QString>

#include <memory>

namespace devzero::capture {

struct RedactionRule
{
    QString id;          // stable, lower-case, used in the marker: "aws-access-key-id"
    QString description; // one line for humans: what the rule catches
};

class Redactor
{
public:
    // The built-in rule table, compiled once on first use. Safe to use from
    // any number of threads at once.
    static const Redactor &standard();

    // `text` with every secret replaced by "[REDACTED:<rule-id>]".
    // Idempotent: redact(redact(x)) == redact(x).
    QString redact(const QString &text) const;

    struct Finding
    {
        QString ruleId;
        qsizetype start = 0; // UTF-16 offset into the text
        qsizetype length = 0;
    };
    // What redact() would replace: sorted, non-overlapping. Overlapping hits
    // of several rules merge into one finding, named after the hit that
    // starts first (the earliest rule in rules() when several start
    // together). Existing markers are never reported.
    QList<Finding> find(const QString &text) const;

    // In matching order: specific vendor formats first, generic forms last.
    QList<RedactionRule> rules() const;

    ~Redactor();
    Redactor(const Redactor &) = delete;
    Redactor &operator=(const Redactor &) = delete;

    class Private;

private:
    Redactor();
    std::unique_ptr<const Private> d;
};

// The marker that replaces a secret, e.g. "[REDACTED:jwt]".
QString redactionMarker(const QString &ruleId);

} // namespace devzero::capture
