#include "sessions/capture/redactor.h"
#include "tests/capture/support_secrettable.h"

#include <QElapsedTimer>
#include <QSet>
#include <QThread>
#include <QtTest>

#include <initializer_list>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using devzero::capture::redactionMarker;
using devzero::capture::Redactor;

namespace {

// Every secret below is invented, and assembled at run time from pieces so
// that no complete token-shaped string sits in the repository (secret
// scanners and push protection stay quiet).
QString cat(std::initializer_list<QStringView> parts)
{
    QString out;
    for (QStringView p : parts)
        out += p;
    return out;
}

QString filler(int n, QStringView alphabet = u"Fake0Test1Dev2Zero3Lab4Only5")
{
    QString out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out += alphabet.at(i % alphabet.size());
    return out;
}

QString hexFiller(int n)
{
    return filler(n, u"0f1e2d3c4b5a6978");
}

QString base64Url(const char *json)
{
    return QString::fromLatin1(QByteArray(json).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString pem(QStringView kind, QStringView body)
{
    const QString label = kind.isEmpty() ? QStringLiteral("PRIVATE KEY") : kind + QStringLiteral(" PRIVATE KEY");
    return cat({u"-----BEG", u"IN "}) + label + u"-----\n" + body + cat({u"\n-----E", u"ND "}) + label + u"-----";
}

struct Case
{
    const char *name;
    QString input;
    QString secret;     // must be gone
    QStringList kept;   // must remain
    QString rule;       // expected marker
};

QList<Case> positiveCases()
{
    const QString ghp = cat({u"gh", u"p_"}) + filler(36);
    const QString awsId = cat({u"AK", u"IA"}) + filler(16, u"FAKE0TEST1DEV2ZERO3");
    const QString awsSecret = filler(40, u"fAkE0sEcReT1/dEv2+ZeRo3");
    const QString jwt = cat({u"ey", u"J"}) + base64Url(R"({"alg":"HS256","typ":"JWT"})").mid(3) + u'.'
        + base64Url(R"({"sub":"tester-42","exp":1700000000})") + u'.' + filler(43, u"sIgNaTuRe0_-1");
    const QString keyBody = filler(64, u"MIIEfakeKEY0body1+/") + u'\n' + filler(64, u"qUiTeFaKe2BoDy3") + u'\n'
        + filler(20, u"EnDoFbOdY4") + u"==";
    const QString uuid = QStringLiteral("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    const QString azureKey = filler(86, u"AzUrEfAkE0kEy1+/") + u"==";

    return {
        // private-key
        {"pem rsa multi-line", u"before\n"_s + pem(u"RSA", keyBody) + u"\nafter"_s, keyBody.left(30),
         {u"before\n"_s, u"\nafter"_s}, u"private-key"_s},
        {"pem openssh", pem(u"OPENSSH", keyBody), keyBody.mid(70, 20), {}, u"private-key"_s},
        {"pem cut off before END", u"cat id_rsa | head\n"_s + cat({u"-----BEG", u"IN PRIVATE KEY-----\n"}) + keyBody,
         keyBody.right(20), {u"cat id_rsa | head"_s}, u"private-key"_s},
        {"pem json escaped", u"{\"type\": \"service_account\", \"private_key\": \""_s
             + pem(u"", keyBody).replace(u'\n', u"\\n"_s) + u"\\n\", \"client_email\": \"x@y\"}"_s,
         keyBody.left(25), {u"\"client_email\": \"x@y\""_s, u"service_account"_s}, u"private-key"_s},
        // jwt
        {"jwt in header value", u"curl -H 'X-Session: "_s + jwt + u"' https://api.example.com"_s, jwt.mid(40, 20),
         {u"X-Session: "_s, u"https://api.example.com"_s}, u"jwt"_s},
        {"jwt behind bearer", u"Authorization: Bearer "_s + jwt, jwt.right(20), {u"Authorization: Bearer "_s},
         u"jwt"_s},
        // aws
        {"aws access key id", u"aws configure set aws_access_key_id "_s + awsId, awsId,
         {u"aws configure set aws_access_key_id "_s}, u"aws-access-key-id"_s},
        {"aws secret in config", u"aws_secret_access_key = "_s + awsSecret, awsSecret, {u"aws_secret_access_key = "_s},
         u"aws-secret-access-key"_s},
        {"aws secret env", u"export AWS_SECRET_ACCESS_KEY="_s + awsSecret + u" && aws s3 ls"_s, awsSecret,
         {u"export AWS_SECRET_ACCESS_KEY="_s, u" && aws s3 ls"_s}, u"aws-secret-access-key"_s},
        {"aws sts json", u"\"SecretAccessKey\": \""_s + awsSecret + u"\","_s, awsSecret, {u"SecretAccessKey"_s},
         u"aws-secret-access-key"_s},
        // github
        {"github classic", u"export GITHUB_TOKEN="_s + ghp, ghp, {u"export GITHUB_TOKEN="_s}, u"github-token"_s},
        {"github in clone url", u"git clone https://x-access-token:"_s + ghp + u"@github.com/acme/pay.git"_s, ghp,
         {u"@github.com/acme/pay.git"_s, u"x-access-token:"_s}, u"github-token"_s},
        {"github fine-grained", u"token "_s + cat({u"github", u"_pat_"}) + filler(22) + u'_' + filler(59),
         filler(22), {u"token "_s}, u"github-token"_s},
        // gitlab, slack, stripe, google, npm, sendgrid, twilio, heroku
        {"gitlab pat", u"glab auth login --stdin <<< "_s + cat({u"glp", u"at-"}) + filler(20), filler(20),
         {u"glab auth login --stdin <<< "_s}, u"gitlab-token"_s},
        {"slack bot token", u"SLACK says "_s + cat({u"xo", u"xb-"}) + u"1234567890-0987654321-"_s + filler(24),
         filler(24), {u"SLACK says "_s}, u"slack-token"_s},
        {"slack app token", cat({u"xa", u"pp-"}) + u"1-A0123456789-"_s + filler(30), filler(30), {},
         u"slack-token"_s},
        {"slack webhook", u"curl -X POST "_s + cat({u"https://hooks.sl", u"ack.com/services/"}) + u"T0FAKE01/B0FAKE02/"_s
             + filler(24) + u" -d @msg.json"_s,
         u"T0FAKE01/B0FAKE02"_s, {u"hooks.slack.com/services/"_s, u" -d @msg.json"_s}, u"slack-webhook"_s},
        {"stripe live", u"stripe login --api-key "_s + cat({u"sk_", u"live_"}) + filler(24), filler(24),
         {u"stripe login --api-key "_s}, u"stripe-key"_s},
        {"stripe restricted test", u"key="_s + cat({u"rk_", u"test_"}) + filler(24), filler(24), {u"key="_s},
         u"stripe-key"_s},
        {"google api key", u"maps?key="_s + cat({u"AI", u"za"}) + filler(35, u"GoOgLe0FaKe1_-") + u"&q=x"_s,
         filler(35, u"GoOgLe0FaKe1_-"), {u"maps?key="_s, u"&q=x"_s}, u"google-api-key"_s},
        {"npm token npmrc", u"//registry.npmjs.org/:_authToken="_s + cat({u"np", u"m_"}) + filler(36), filler(36),
         {u"//registry.npmjs.org/:_authToken="_s}, u"npm-token"_s},
        {"sendgrid key", u"SENDGRID says "_s + cat({u"S", u"G."}) + filler(22) + u'.' + filler(43, u"sEnDgRiD0-_1"),
         filler(43, u"sEnDgRiD0-_1"), {u"SENDGRID says "_s}, u"sendgrid-key"_s},
        {"twilio api key", u"twilio api:core --api-key "_s + cat({u"S", u"K"}) + hexFiller(32), hexFiller(32),
         {u"twilio api:core"_s}, u"twilio-api-key"_s},
        {"heroku uuid", u"HEROKU_API_KEY="_s + uuid + u" heroku apps"_s, uuid, {u"HEROKU_API_KEY="_s, u" heroku apps"_s},
         u"heroku-api-key"_s},
        // azure
        {"azure storage connection", u"DefaultEndpointsProtocol=https;AccountName=devstore;AccountKey="_s + azureKey
             + u";EndpointSuffix=core.windows.net"_s,
         azureKey.left(40), {u"AccountName=devstore"_s, u";EndpointSuffix=core.windows.net"_s}, u"azure-storage-key"_s},
        {"azure sas url", u"https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&sig="_s
             + filler(30, u"SaS0sIg1%2B") + u"&se=2030"_s,
         filler(30, u"SaS0sIg1%2B"), {u"sv=2022-11-02&sp=r&sig="_s, u"&se=2030"_s}, u"azure-sas-signature"_s},
        // urls and connection strings
        {"postgres url", cat({u"psql postgres://app:", u"Hunter2pass@db.internal:5432/shop"}), u"Hunter2pass"_s,
         {u"psql postgres://app:"_s, u"@db.internal:5432/shop"_s}, u"url-password"_s},
        {"mongodb srv", cat({u"mongosh \"mongodb+srv://admin:", u"Pa55word!@cluster0.example.net/test?retryWrites=true\""}),
         u"Pa55word!"_s, {u"mongodb+srv://admin:"_s, u"@cluster0.example.net/test?retryWrites=true"_s},
         u"url-password"_s},
        {"redis empty user", cat({u"redis-cli -u redis://:", u"s3cr3tRedis@cache:6379/0"}), u"s3cr3tRedis"_s,
         {u"redis://:"_s, u"@cache:6379/0"_s}, u"url-password"_s},
        {"password with at sign", cat({u"https://bob:", u"p@ss@proxy.example.com"}), u"p@ss"_s,
         {u"https://bob:"_s, u"@proxy.example.com"_s}, u"url-password"_s},
        {"ado connection string", cat({u"Server=tcp:db,1433;Database=shop;User ID=app;Pass", u"word=Sup3r Secret;Encrypt=true"}),
         u"Sup3r Secret"_s, {u"User ID=app;"_s, u";Encrypt=true"_s}, u"connection-string-password"_s},
        // headers
        {"authorization bearer", u"curl -H 'Authorization: Bearer abc.DEF-ghi_jkl' https://api"_s,
         u"abc.DEF-ghi_jkl"_s, {u"Authorization: Bearer "_s, u"' https://api"_s}, u"authorization-header"_s},
        {"authorization basic", cat({u"Authorization: Basic ", u"dXNlcjpwYXNzd29yZA=="}), u"dXNlcjpwYXNzd29yZA=="_s,
         {u"Authorization: Basic "_s}, u"authorization-header"_s},
        {"bare bearer", u"I pasted Bearer 0123456789abcdefXYZ into the form"_s, u"0123456789abcdefXYZ"_s,
         {u"I pasted Bearer "_s, u" into the form"_s}, u"bearer-token"_s},
        // command-line forms
        {"docker login -p", u"docker login -u bob -p Hunter2Pass registry.example.com"_s, u"Hunter2Pass"_s,
         {u"docker login -u bob -p "_s, u" registry.example.com"_s}, u"registry-login-password"_s},
        {"podman login -p", u"podman login quay.io --username bob -p 'pa ss'"_s, u"pa ss"_s, {u"--username bob"_s},
         u"registry-login-password"_s},
        {"curl -u", u"curl -s -u alice:s3cretpw https://api.example.com/v1"_s, u"s3cretpw"_s,
         {u"curl -s -u alice:"_s, u" https://api.example.com/v1"_s}, u"cli-user-password"_s},
        {"curl --user", u"curl --user \"alice:two words\" https://x"_s, u"two words"_s, {u"alice:"_s},
         u"cli-user-password"_s},
        {"--password=", u"mysql --user=app --password=Hunter2x -h db shop"_s, u"Hunter2x"_s,
         {u"--user=app --password="_s, u" -h db shop"_s}, u"secret-flag"_s},
        {"--password X", u"tool login --password 'my pass phrase' --verbose"_s, u"my pass phrase"_s,
         {u"tool login --password '"_s, u"' --verbose"_s}, u"secret-flag"_s},
        {"--token X", u"kubectl --token abc123xyz get pods"_s, u"abc123xyz"_s, {u"kubectl --token "_s, u" get pods"_s},
         u"secret-flag"_s},
        {"--client-secret=", u"az login --service-principal --client-secret=zZ9.yY8 -t t1"_s, u"zZ9.yY8"_s,
         {u"--service-principal"_s, u" -t t1"_s}, u"secret-flag"_s},
        {"--account-key", u"az storage blob list --account-key Zm9vYmFy --account-name dev"_s, u"Zm9vYmFy"_s,
         {u"--account-name dev"_s}, u"secret-flag"_s},
        {"openssl -pass", u"openssl enc -aes256 -pass pass:Tr0ub4dor -in a"_s, u"Tr0ub4dor"_s, {u" -in a"_s},
         u"secret-flag"_s},
        // assignments
        {"password=", u"login password=hunter2 user=bob"_s, u"hunter2"_s, {u"login password="_s, u" user=bob"_s},
         u"secret-assignment"_s},
        {"passwd:", u"passwd: correcthorse\nuser: bob"_s, u"correcthorse"_s, {u"passwd: "_s, u"\nuser: bob"_s},
         u"secret-assignment"_s},
        {"secret=", u"./deploy secret=topsecretvalue"_s, u"topsecretvalue"_s, {u"./deploy secret="_s},
         u"secret-assignment"_s},
        {"token= in query", u"https://api.example.com/v1/items?limit=5&token=abcDEF123&sort=asc"_s, u"abcDEF123"_s,
         {u"?limit=5&token="_s, u"&sort=asc"_s}, u"secret-assignment"_s},
        {"api_key= in query", u"GET /search?q=cats&api_key=k3yk3yk3y"_s, u"k3yk3yk3y"_s, {u"?q=cats&api_key="_s},
         u"secret-assignment"_s},
        {"apikey=", u"apikey=plainletters"_s, u"plainletters"_s, {u"apikey="_s}, u"secret-assignment"_s},
        {"api-key header", u"curl -H \"X-Api-Key: abcdef\" https://x"_s, u"abcdef"_s, {u"X-Api-Key: "_s},
         u"secret-assignment"_s},
        {"json password", u"{\"user\":\"bob\",\"password\":\"correct horse\"}"_s, u"correct horse"_s,
         {u"\"user\":\"bob\""_s, u"\"password\":\""_s}, u"secret-assignment"_s},
        {"yaml indented", u"db:\n  host: pg\n  password: letmein\n"_s, u"letmein"_s, {u"host: pg"_s},
         u"secret-assignment"_s},
        {"export X_TOKEN", u"export CI_DEPLOY_TOKEN=depl0y-t0ken && make"_s, u"depl0y-t0ken"_s,
         {u"export CI_DEPLOY_TOKEN="_s, u" && make"_s}, u"secret-assignment"_s},
        {"X_SECRET quoted", u"APP_CLIENT_SECRET=\"s p a c e s\" ./run"_s, u"s p a c e s"_s, {u"./run"_s},
         u"secret-assignment"_s},
        {"X_PASSWORD", u"PGPASSWORD=pg-pass psql -h db"_s, u"pg-pass"_s, {u" psql -h db"_s}, u"secret-assignment"_s},
        {"X_API_KEY", u"env PAYMENTS_API_KEY=pk-ZZZ-111 npm start"_s, u"pk-ZZZ-111"_s, {u" npm start"_s},
         u"secret-assignment"_s},
        {"APIKEY glued", u"MYAPIKEY=glued1"_s, u"glued1"_s, {u"MYAPIKEY="_s}, u"secret-assignment"_s},
        {"PRIVATE_KEY inline", u"SIGNING_PRIVATE_KEY=inlineKeyMaterial"_s, u"inlineKeyMaterial"_s, {},
         u"secret-assignment"_s},
        {"CREDENTIAL", u"REGISTRY_CREDENTIAL=user:pw123"_s, u"user:pw123"_s, {u"REGISTRY_CREDENTIAL="_s},
         u"secret-assignment"_s},
        {"powershell env", u"$env:GITHUB_TOKEN = \"plain-token-value\""_s, u"plain-token-value"_s,
         {u"$env:GITHUB_TOKEN = \""_s}, u"secret-assignment"_s},
        {"kubectl from-literal", u"kubectl create secret generic db --from-literal=password=k8sPa55"_s, u"k8sPa55"_s,
         {u"--from-literal=password="_s}, u"secret-literal"_s},
        {"kubectl any literal", u"kubectl create secret generic app --from-literal=DB_URL=dbhost:5432 --from-literal 'X=y'"_s,
         u"dbhost:5432"_s, {u"--from-literal=DB_URL="_s, u"--from-literal 'X="_s}, u"secret-literal"_s},
        {"gh secret set", u"gh secret set DEPLOY_KEY --repo acme/pay --body \"s3cr3t value\""_s, u"s3cr3t value"_s,
         {u"gh secret set DEPLOY_KEY --repo acme/pay --body \""_s}, u"secret-literal"_s},
        {"npm config set", u"npm config set //registry.npmjs.org/:_authToken plainAuthValue"_s, u"plainAuthValue"_s,
         {u"npm config set //registry.npmjs.org/:_authToken "_s}, u"config-set-secret"_s},
        {"aws configure set", u"aws configure set aws_session_token IQoJb3JpZ2luX2VjEFake"_s, u"IQoJb3JpZ2luX2VjEFake"_s,
         {u"aws configure set aws_session_token "_s}, u"config-set-secret"_s},
        {"cookie header", u"curl -H \"Cookie: session=abc123; theme=dark\" https://app"_s, u"session=abc123"_s,
         {u"curl -H \"Cookie: "_s, u"\" https://app"_s}, u"cookie-header"_s},
        {"httpie auth", u"http --auth alice:hTTpie9 POST https://api.example.com"_s, u"hTTpie9"_s,
         {u"http --auth alice:"_s, u" POST https://api.example.com"_s}, u"cli-user-password"_s},
        {"helm set dotted key", u"helm install pay ./chart --set auth.rootPassword=r00t"_s, u"r00t"_s,
         {u"--set auth.rootPassword="_s}, u"secret-assignment"_s},
        {"camelCase clientSecret", u"clientSecret: 'abc'"_s, u"abc"_s, {u"clientSecret: '"_s}, u"secret-assignment"_s},
        {"npmrc _auth", u"_auth=Ym9iOnB3"_s, u"Ym9iOnB3"_s, {u"_auth="_s}, u"secret-assignment"_s},
        {"terraform var", u"terraform apply -var 'db_password=tfPa55' -auto-approve"_s, u"tfPa55"_s,
         {u"-var 'db_password="_s, u"' -auto-approve"_s}, u"secret-assignment"_s},
        {"docker-password flag", u"kubectl create secret docker-registry reg --docker-password=dockPw9 --docker-username=bob"_s,
         u"dockPw9"_s, {u"--docker-username=bob"_s}, u"secret-flag"_s},
        {"prose with a real value", u"Password: hunter2 did not work"_s, u"hunter2"_s, {u" did not work"_s},
         u"secret-assignment"_s},
    };
}

// Ordinary text that must come back unchanged.
QList<std::pair<const char *, QString>> negativeCases()
{
    return {
        {"kubectl", u"kubectl get pods -n payments -o wide"_s},
        {"commit sha", u"git checkout 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"_s},
        {"image digest", u"docker pull acme/pay@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s},
        {"uuid alone", u"session 123e4567-e89b-12d3-a456-426614174000 started"_s},
        {"url without credentials", u"https://docs.example.com/guide?page=2&lang=en#set-up"_s},
        {"url with port and user", u"ssh://git@github.com:22/acme/pay.git and https://user@example.com/"_s},
        {"scp style git", u"git clone git@github.com:acme/pay.git"_s},
        {"paths", u"/usr/local/bin/terraform init -backend-config=./backend.hcl"_s},
        {"prose password", u"The password reset page did not say where the password is stored."_s},
        {"prose token", u"I could not find the API token anywhere, and the secret manager page 404s."_s},
        {"prose colon", u"Note that the token: expired before I could use it."_s},
        {"prose bearer", u"Use a Bearer token in the Authorization header."_s},
        {"authorization scheme only", u"Authorization: Bearer"_s},
        {"pwd", u"echo $PWD; PWD=/home/tester/project OLDPWD=/tmp"_s},
        {"credentials path", u"export GOOGLE_APPLICATION_CREDENTIALS=/home/tester/key.json"_s},
        {"variable reference", u"psql \"password=$DB_PASSWORD\" && export TOKEN=${CI_TOKEN}"_s},
        {"token url", u"export TOKEN_URL=https://auth.example.com/oauth/token"_s},
        {"plural tokens", u"max_tokens=4096 tokenizer=bpe"_s},
        {"password file", u"rsync --password-file=/etc/rsync.pw src dst"_s},
        {"password stdin", u"echo \"$PW\" | docker login --password-stdin -u bob registry.example.com"_s},
        {"with token", u"gh auth login --with-token < token.txt"_s},
        {"mysql -p prompts", u"mysql -u root -p shop"_s},
        {"mysql --password prompts", u"mysql -u root --password -h db"_s},
        {"uid gid", u"docker run -u 1000:1000 -p 8080:80 nginx"_s},
        {"helm set", u"helm upgrade pay ./chart --set image.tag=1.2.3 --set replicas=2"_s},
        {"prose after a key at line start", u"Password: forgot it, so I used the reset link"_s},
        {"configmap literal", u"kubectl create configmap app --from-literal=LOG_LEVEL=debug"_s},
        {"npm config set registry", u"npm config set registry https://registry.example.com/"_s},
        {"http url then ls -a", u"open http://example.com && ls -a"_s},
        {"comparison", u"if password == \"\": raise"_s},
        {"short prefixes", u"ghp_short AKIA123 xoxb-1 sk_live_x npm_abc"_s},
        {"stripe publishable", u"pk_live_"_s + filler(24)},
        {"secret name", u"SECRET_NAME=db-credentials kubectl get secret db-credentials"_s},
        {"empty assignment", u"TOKEN= ./run"_s},
        {"ci expression", u"password: ${{ secrets.REGISTRY_PASSWORD }}"_s},
        {"public key", cat({u"-----BEG", u"IN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"})},
        {"ssh public key", u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFake tester@laptop"_s},
        {"oauth response fields", u"{\"token_type\": \"bearer\", \"expires_in\": 3600}"_s},
        {"existing marker", u"export GITHUB_TOKEN=[REDACTED:github-token]"_s},
        {"emoji and accents", u"café ☕ 👩‍💻 naïve"_s},
        // Near misses of the vendor formats in secrets.tsv.
        {"base64 certificate", u"client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM="_s},
        {"kebab names after sk-", u"pip install sk-learn-compat && see sk-this-is-a-very-long-kebab-case-page-name"_s},
        {"hf_ identifiers", u"from huggingface_hub import hf_hub_download, hf_hub_url"_s},
        {"key- words", u"a key-value store, key-0123 and key-rotation-policy"_s},
        {"aws account id", u"arn:aws:iam::123456789012:role/ci-deployer"_s},
        {"discord docs url", u"https://discord.com/developers/docs/resources/webhook"_s},
        {"age public key", u"age -r age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p secrets.txt"_s},
        {"vault paths", u"vault kv get -mount=secret hvs-demo/app and hvs.short"_s},
        {"semver and hashes", u"dapi-client 1.2.3, pul-request, sha1 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"_s},
        {"md5 without region", u"md5 9e107d9d372bb6826bd81d3542a419d6 and -us1 alone"_s},
        {"empty", QString()},
    };
}

} // namespace

class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redactsSecrets_data();
    void redactsSecrets();
    void keepsOrdinaryText_data();
    void keepsOrdinaryText();
    void everyRuleHasACase();
    void secretTableIsWellFormed();
    void redactsEveryTableFormat_data();
    void redactsEveryTableFormat();
    void ruleTableIsWellFormed();
    void findReportsSortedSpans();
    void overlappingRulesMergeIntoOne();
    void privateKeyBlockIsOneFinding();
    void idempotent_data();
    void idempotent();
    void hostileMegabyteFinishes_data();
    void hostileMegabyteFinishes();
    void invalidSurrogatesDoNotCrashOrHide();
    void concurrentUseGivesSameResults();
};

void TestRedactor::redactsSecrets_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QString>("rule");
    for (const Case &c : positiveCases())
        QTest::newRow(c.name) << c.input << c.secret << c.kept << c.rule;
}

void TestRedactor::redactsSecrets()
{
    QFETCH(QString, input);
    QFETCH(QString, secret);
    QFETCH(QStringList, kept);
    QFETCH(QString, rule);
    QVERIFY2(input.contains(secret), "the fixture must contain its secret");

    const QString out = Redactor::standard().redact(input);
    QVERIFY2(!out.contains(secret), qPrintable(u"secret survived: "_s + out));
    for (const QString &k : kept)
        QVERIFY2(out.contains(k), qPrintable(u"lost \""_s + k + u"\": "_s + out));
    QVERIFY2(out.contains(redactionMarker(rule)), qPrintable(u"expected rule "_s + rule + u": "_s + out));
}

void TestRedactor::keepsOrdinaryText_data()
{
    QTest::addColumn<QString>("input");
    for (const auto &[name, text] : negativeCases())
        QTest::newRow(name) << text;
}

void TestRedactor::keepsOrdinaryText()
{
    QFETCH(QString, input);
    QCOMPARE(Redactor::standard().redact(input), input);
    QVERIFY(Redactor::standard().find(input).isEmpty());
}

void TestRedactor::everyRuleHasACase()
{
    QString error;
    const QList<devzero::test::SecretExample> table = devzero::test::loadSecretTable(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> covered, inTable;
    for (const Case &c : positiveCases())
        covered.insert(c.rule);
    for (const auto &ex : table)
        inTable.insert(ex.rule);
    for (const auto &rule : Redactor::standard().rules()) {
        QVERIFY2(covered.contains(rule.id) || inTable.contains(rule.id), qPrintable(u"no test row for rule "_s + rule.id));
        QVERIFY2(inTable.contains(rule.id), qPrintable(u"no example in secrets.tsv for rule "_s + rule.id));
    }
}

void TestRedactor::secretTableIsWellFormed()
{
    QString error;
    const QList<devzero::test::SecretExample> table = devzero::test::loadSecretTable(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(table.size() >= 30, qPrintable(QString::number(table.size())));
    QSet<QString> ruleIds, formats;
    for (const auto &rule : Redactor::standard().rules())
        ruleIds.insert(rule.id);
    for (const auto &ex : table) {
        const QString where = u"secrets.tsv:"_s + QString::number(ex.line) + u' ' + ex.format;
        QVERIFY2(!formats.contains(ex.format), qPrintable(where + u": duplicate format"_s));
        formats.insert(ex.format);
        QVERIFY2(ruleIds.contains(ex.rule), qPrintable(where + u": unknown rule "_s + ex.rule));
        QVERIFY2(ex.secret.size() >= 8 && ex.text.contains(ex.secret), qPrintable(where));
        QVERIFY2(!ex.description.isEmpty(), qPrintable(where));
    }
    qInfo("secrets.tsv: %lld formats, %lld rules", qlonglong(table.size()), qlonglong(ruleIds.size()));
    // The same seed gives the same fake secrets on every run.
    QCOMPARE(devzero::test::loadSecretTable(&error).first().secret, table.first().secret);
}

void TestRedactor::redactsEveryTableFormat_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("pieces");
    QTest::addColumn<QString>("rule");
    QString error;
    for (const auto &ex : devzero::test::loadSecretTable(&error))
        QTest::newRow(qPrintable(ex.format)) << ex.text << ex.pieces << ex.rule;
    if (!error.isEmpty())
        QTest::newRow("secrets.tsv") << QString() << QStringList{error} << QString();
}

void TestRedactor::redactsEveryTableFormat()
{
    QFETCH(QString, input);
    QFETCH(QStringList, pieces);
    QFETCH(QString, rule);
    QVERIFY2(!rule.isEmpty(), qPrintable(pieces.value(0)));
    const Redactor &r = Redactor::standard();
    const QString out = r.redact(input);
    for (const QString &piece : pieces)
        QVERIFY2(!out.contains(piece), qPrintable(u"\""_s + piece + u"\" survived: "_s + out.left(400)));
    QVERIFY2(out.contains(redactionMarker(rule)), qPrintable(u"expected rule "_s + rule + u": "_s + out.left(400)));
    QCOMPARE(r.redact(out), out);
}

void TestRedactor::ruleTableIsWellFormed()
{
    const auto rules = Redactor::standard().rules();
    QVERIFY(rules.size() >= 45);
    QSet<QString> ids;
    static const QRegularExpression idShape(u"\\A[a-z0-9]+(?:-[a-z0-9]+)*\\z"_s);
    for (const auto &rule : rules) {
        QVERIFY2(idShape.match(rule.id).hasMatch(), qPrintable(rule.id));
        QVERIFY2(!rule.description.isEmpty(), qPrintable(rule.id));
        QVERIFY2(!ids.contains(rule.id), qPrintable(u"duplicate id "_s + rule.id));
        ids.insert(rule.id);
    }
    QCOMPARE(redactionMarker(u"jwt"_s), u"[REDACTED:jwt]"_s);
}

void TestRedactor::findReportsSortedSpans()
{
    const QString text = u"a password=one1 b token=two2 c"_s;
    const auto findings = Redactor::standard().find(text);
    QCOMPARE(findings.size(), 2);
    QCOMPARE(text.mid(findings[0].start, findings[0].length), u"one1"_s);
    QCOMPARE(text.mid(findings[1].start, findings[1].length), u"two2"_s);
    QCOMPARE(findings[0].ruleId, u"secret-assignment"_s);
    QVERIFY(findings[0].start + findings[0].length <= findings[1].start);
    QCOMPARE(Redactor::standard().redact(text),
             u"a password=[REDACTED:secret-assignment] b token=[REDACTED:secret-assignment] c"_s);
}

void TestRedactor::overlappingRulesMergeIntoOne()
{
    // The github rule, the url-password rule and the assignment rule all see it.
    const QString ghp = cat({u"gh", u"p_"}) + filler(36);
    const QString text = u"REPO_TOKEN="_s + ghp;
    const auto findings = Redactor::standard().find(text);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].ruleId, u"github-token"_s);
    QCOMPARE(findings[0].start, qsizetype(11));
    QCOMPARE(findings[0].length, ghp.size());
}

void TestRedactor::privateKeyBlockIsOneFinding()
{
    QStringList lines;
    for (int i = 0; i < 25; ++i)
        lines << filler(64, u"LiNe0KeY1+/") + QString::number(i % 10);
    const QString body = lines.join(u'\n');
    const QString text = u"here is my key:\n"_s + pem(u"EC", body) + u"\nand then ssh failed"_s;
    const auto findings = Redactor::standard().find(text);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].ruleId, u"private-key"_s);
    const QString out = Redactor::standard().redact(text);
    QCOMPARE(out, u"here is my key:\n[REDACTED:private-key]\nand then ssh failed"_s);
}

void TestRedactor::idempotent_data()
{
    QTest::addColumn<QString>("input");
    for (const Case &c : positiveCases())
        QTest::newRow(c.name) << c.input;
    for (const auto &[name, text] : negativeCases())
        QTest::newRow(name) << text;
    QString all;
    for (const Case &c : positiveCases())
        all += c.input + u'\n';
    QTest::newRow("all secrets in one text") << all;
    // Found by fuzz_redactor: a marker's ']' (or its rule name) must not
    // let a second pass find more than the first.
    QTest::newRow("quoted key right after a value") << QStringLiteral("SECRET=abc\"password\":x1");
    QTest::newRow("single-quoted key right after a value") << QStringLiteral("TOKEN=abc'secret':x1");
    QTest::newRow("marker word in a config key") << QStringLiteral("npm config set \"token\":ab cd");
}

void TestRedactor::idempotent()
{
    QFETCH(QString, input);
    const Redactor &r = Redactor::standard();
    const QString once = r.redact(input);
    QCOMPARE(r.redact(once), once);
    QVERIFY(r.find(once).isEmpty());
}

void TestRedactor::hostileMegabyteFinishes_data()
{
    QTest::addColumn<QString>("unit");
    QTest::newRow("letters") << u"a"_s;
    QTest::newRow("spaces") << u" "_s;
    QTest::newRow("keys without values") << u"password="_s;
    QTest::newRow("chained keys") << u"a=b=c:"_s;
    QTest::newRow("colons") << u"token: x "_s;
    QTest::newRow("url prefixes") << u"https://a:"_s;
    QTest::newRow("scheme run") << u"abcdefghij+"_s;
    QTest::newRow("pem headers") << cat({u"-----BEG", u"IN PRIVATE KEY-----"});
    QTest::newRow("dashes") << u"-"_s;
    QTest::newRow("jwt starts") << u"eyJabcdef.eyJ"_s;
    QTest::newRow("docker login") << u"docker login "_s;
    QTest::newRow("curl") << u"curl --user-agent "_s;
    QTest::newRow("authorization") << u"Authorization: "_s;
    QTest::newRow("bearer") << u"Bearer aaaaaaaaaaaaaaaaaaaa "_s;
    QTest::newRow("flags") << u"--password --token "_s;
    QTest::newRow("quotes") << u"\"password\": \"x"_s;
    QTest::newRow("semicolons") << u";Password="_s;
    QTest::newRow("markers") << u"[REDACTED:x]"_s;
    QTest::newRow("secret literals") << u"--from-literal=a="_s;
    QTest::newRow("gh secret set") << u"gh secret set "_s;
    QTest::newRow("config set") << u"npm config set x "_s;
    QTest::newRow("httpie") << u"http -a"_s;
    QTest::newRow("cookie") << u"Cookie: "_s;
    QTest::newRow("connection string") << u"Server=x;Password=;"_s;
    QTest::newRow("base64 pem starts") << u"LS0tLS1CRUdJTiAAAA "_s;
    QTest::newRow("sk- runs") << u"sk-"_s;
    QTest::newRow("hex runs") << u"0123456789abcdef"_s;
    QTest::newRow("client secret look-alikes") << u"ab1Q~"_s;
    QTest::newRow("atlasv1") << u"abcdefghijklmn.atlasv1."_s;
}

void TestRedactor::hostileMegabyteFinishes()
{
    QFETCH(QString, unit);
    QString text;
    text.reserve(1024 * 1024 + 100);
    while (text.size() < 1024 * 1024)
        text += unit;
    // A secret at the very end proves the scan reached it rather than giving
    // up; '#' ends whatever the filler started (a PEM body, a value).
    const QString awsId = cat({u"AK", u"IA"}) + filler(16, u"HOSTILE0END1");
    text += u"\n# "_s + awsId + u'\n';

    QElapsedTimer timer;
    timer.start();
    const QString out = Redactor::standard().redact(text);
    const qint64 ms = timer.elapsed();
    qInfo("%s: 1 MiB redacted in %lld ms", QTest::currentDataTag(), ms);
    QVERIFY(!out.contains(awsId));
    QVERIFY(out.contains(u"[REDACTED:aws-access-key-id]"_s));
    // Not a benchmark: a guard that turns catastrophic backtracking into a
    // clear failure instead of a CTest timeout.
    QVERIFY2(ms < 30000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
}

void TestRedactor::invalidSurrogatesDoNotCrashOrHide()
{
    const QString token = cat({u"gh", u"o_"}) + filler(36);
    QString text = u"x"_s;
    text += QChar(0xD800);                   // lone high surrogate
    text += u" token "_s + token + u' ';
    text += QChar(0xDC00);                   // lone low surrogate
    text += QChar(0xDFFF);
    text += QChar(0xD83D);                   // reversed pair
    text += u"👩‍💻 end"_s;
    QVERIFY(!QStringView(text).isValidUtf16());

    const Redactor &r = Redactor::standard();
    const QString out = r.redact(text);
    QVERIFY(!out.contains(token));
    QVERIFY(out.contains(u"[REDACTED:github-token]"_s));
    QVERIFY(QStringView(out).isValidUtf16());
    QVERIFY(out.contains(QChar(QChar::ReplacementCharacter)));
    QVERIFY(out.endsWith(u"👩‍💻 end"_s)); // valid pairs survive
    QCOMPARE(r.find(text).size(), 1);
    QCOMPARE(r.redact(out), out);

    QString onlyBroken(3, QChar(0xDBFF));
    QCOMPARE(r.redact(onlyBroken), QString(3, QChar(QChar::ReplacementCharacter)));
}

void TestRedactor::concurrentUseGivesSameResults()
{
    QStringList inputs;
    for (const Case &c : positiveCases())
        inputs << c.input;
    QStringList expected;
    for (const QString &in : inputs)
        expected << Redactor::standard().redact(in);

    constexpr int threadCount = 4;
    std::vector<QStringList> results(threadCount);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&inputs, &results, t] {
            for (int round = 0; round < 20; ++round) {
                QStringList out;
                for (const QString &in : inputs)
                    out << Redactor::standard().redact(in);
                results[size_t(t)] = out;
            }
        }));
        threads.back()->start();
    }
    for (auto &th : threads)
        QVERIFY(th->wait(60000));
    for (const QStringList &r : results)
        QCOMPARE(r, expected);
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "test_redactor.moc"
