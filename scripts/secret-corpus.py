#!/usr/bin/env python3
# shellcheck disable=SC1071  # CI runs shellcheck on scripts/*; this file is Python, not shell.
"""Writes a planted-credential corpus for measuring secret scanners' recall and false positives.

usage: scripts/secret-corpus.py OUT_DIR [--seed N]

OUT_DIR/files/planted/<format>/<context>.<ext>
    One credential of one provider format per file, in a realistic context: a .env file, a YAML
    config, a JSON config, a Python settings module and a Markdown how-to, where a variable named
    after the provider holds it, and a JavaScript module that passes it to a client without
    naming it (some formats have contexts of their own: a curl command in a shell script, a
    Kubernetes Secret manifest). The rest of each file is ordinary configuration that holds no
    credential.
OUT_DIR/files/clean/*
    Files with look-alikes only: values from the providers' own documentation, placeholders and
    template references, UUIDs, commit and content hashes, integrity strings, base64 of ordinary
    data, public keys and public (publishable) keys. A scanner should report nothing here.
OUT_DIR/manifest.json
    {"seed", "formats": {id: provider}, "planted": [{"file", "line", "last_line", "format",
     "provider"}], "clean": [file, ...]}, paths relative to OUT_DIR/files. The secrets themselves
    are not stored; a finding is matched to a planted secret by file and line: "line" is where the
    secret starts, and a multi-line private key's other lines (up to "last_line") belong to it
    too.

Every value is drawn from a generator seeded with --seed (default 7), so a seed always gives the
same corpus. Values have the shape of the real format (prefix, alphabet, length) but are random,
and a format's own checksum, where it has one, is not computed: none of them is a live credential.
A drawn value that happens to contain a
placeholder-like run (xxxx, 1234, "example", ...) is drawn again, so no scanner can skip a
planted value for looking like a placeholder.
"""

import argparse
import base64
import hashlib
import json
import os
import random
import re
import shutil
import string
import sys

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
LOWER_ALNUM = LOWER + DIGITS
UPPER_ALNUM = UPPER + DIGITS
HEX = "0123456789abcdef"
BASE64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
BASE32 = UPPER + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

# Runs a person types by hand; a random value containing one is drawn again.
PLACEHOLDER_LIKE = re.compile(
    r"(?i)x{3,}|0{4,}|(.)\1\1\1|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef|qwer|asdf"
    r"|example|sample|dummy|fake|test|redact|change|your|todo|secret|token|passw|key")


class Draw:
    """Random values of a given shape from one seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def chars(self, n, alphabet=ALNUM):
        while True:
            value = "".join(self.rng.choice(alphabet) for _ in range(n))
            if not PLACEHOLDER_LIKE.search(value):
                return value

    def digits(self, n):
        return str(self.rng.randint(1, 9)) + self.chars(n - 1, DIGITS)

    def uuid(self):
        h = self.chars(32, HEX)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.rng.choice('89ab')}{h[17:20]}-{h[20:]}"

    def b64(self, nbytes, urlsafe=False, pad=True):
        while True:
            raw = bytes(self.rng.getrandbits(8) for _ in range(nbytes))
            text = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(raw).decode()
            if not pad:
                text = text.rstrip("=")
            if not PLACEHOLDER_LIKE.search(text):
                return text

    def pick(self, items):
        return self.rng.choice(items)


def jwt(d, claims):
    header = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    payload = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{header}.{payload}.{d.b64(32, urlsafe=True, pad=False)}"


def pem(d, label):
    body = d.b64(1190 if label == "RSA" else 400)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    kind = {"RSA": "RSA PRIVATE KEY", "OPENSSH": "OPENSSH PRIVATE KEY", "EC": "EC PRIVATE KEY"}[label]
    return [f"-----BEGIN {kind}-----", *lines, f"-----END {kind}-----"]


# (format id, provider, environment variable, generator, kind). The kind chooses how contexts embed
# the value: "token" (a plain value), "url" (a URL or connection string), "pem" (a multi-line key).
FORMATS = [
    ("aws-access-key-id", "AWS", "AWS_ACCESS_KEY_ID", lambda d: "AKIA" + d.chars(16, BASE32), "token"),
    ("aws-secret-access-key", "AWS", "AWS_SECRET_ACCESS_KEY", lambda d: d.chars(40, BASE64), "token"),
    ("github-pat", "GitHub", "GITHUB_TOKEN", lambda d: "ghp_" + d.chars(36), "token"),
    ("github-fine-grained-pat", "GitHub", "GH_TOKEN",
     lambda d: "github_pat_" + d.chars(22) + "_" + d.chars(59), "token"),
    ("gitlab-pat", "GitLab", "GITLAB_TOKEN", lambda d: "glpat-" + d.chars(20, URLSAFE), "token"),
    ("gitlab-runner-token", "GitLab", "GITLAB_RUNNER_TOKEN", lambda d: "glrt-" + d.chars(20, URLSAFE), "token"),
    ("slack-bot-token", "Slack", "SLACK_BOT_TOKEN",
     lambda d: f"xoxb-{d.digits(12)}-{d.digits(13)}-{d.chars(24)}", "token"),
    ("slack-webhook", "Slack", "SLACK_WEBHOOK_URL",
     lambda d: f"https://hooks.slack.com/services/T{d.chars(10, UPPER_ALNUM)}/B{d.chars(10, UPPER_ALNUM)}/{d.chars(24)}",
     "url"),
    ("discord-webhook", "Discord", "DISCORD_WEBHOOK_URL",
     lambda d: f"https://discord.com/api/webhooks/{d.digits(19)}/{d.chars(68, URLSAFE)}", "url"),
    ("teams-webhook", "Microsoft Teams", "TEAMS_WEBHOOK_URL",
     lambda d: (f"https://{d.pick(['contoso', 'acmecorp', 'northwind'])}.webhook.office.com/webhookb2/"
                f"{d.uuid()}@{d.uuid()}/IncomingWebhook/{d.chars(32, HEX)}/{d.uuid()}"), "url"),
    ("google-chat-webhook", "Google Chat", "GOOGLE_CHAT_WEBHOOK_URL",
     lambda d: (f"https://chat.googleapis.com/v1/spaces/AAAA{d.chars(7, URLSAFE)}/messages"
                f"?key=AIza{d.chars(35, URLSAFE)}&token={d.chars(43, URLSAFE)}%3D"), "url"),
    ("telegram-bot-token", "Telegram", "TELEGRAM_BOT_TOKEN",
     lambda d: f"{d.digits(10)}:AA{d.chars(33, URLSAFE)}", "token"),
    ("google-api-key", "Google Cloud", "GOOGLE_API_KEY", lambda d: "AIza" + d.chars(35, URLSAFE), "token"),
    ("google-oauth-client-secret", "Google Cloud", "GOOGLE_CLIENT_SECRET",
     lambda d: "GOCSPX-" + d.chars(28, URLSAFE), "token"),
    ("google-oauth-access-token", "Google Cloud", "GOOGLE_ACCESS_TOKEN",
     lambda d: "ya29." + d.chars(150, URLSAFE), "token"),
    ("rsa-private-key", "PEM", "TLS_PRIVATE_KEY", lambda d: pem(d, "RSA"), "pem"),
    ("openssh-private-key", "OpenSSH", "DEPLOY_SSH_KEY", lambda d: pem(d, "OPENSSH"), "pem"),
    ("azure-storage-connection-string", "Azure Storage", "AZURE_STORAGE_CONNECTION_STRING",
     lambda d: (f"DefaultEndpointsProtocol=https;AccountName={d.chars(12, LOWER)};"
                f"AccountKey={d.b64(64)};EndpointSuffix=core.windows.net"), "url"),
    ("azure-sas-url", "Azure Storage", "AZURE_BLOB_SAS_URL",
     lambda d: (f"https://{d.chars(12, LOWER)}.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl"
                f"&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig="
                + d.b64(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")), "url"),
    ("azure-service-bus-connection-string", "Azure Service Bus", "SERVICEBUS_CONNECTION_STRING",
     lambda d: (f"Endpoint=sb://{d.chars(10, LOWER)}.servicebus.windows.net/;"
                f"SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={d.b64(32)}"), "url"),
    ("azure-ad-client-secret", "Microsoft Entra ID", "AZURE_CLIENT_SECRET",
     lambda d: d.chars(3, ALNUM) + d.chars(1, DIGITS) + "Q~" + d.chars(34, URLSAFE + "."), "token"),
    ("alibaba-access-key-id", "Alibaba Cloud", "ALIBABA_CLOUD_ACCESS_KEY_ID", lambda d: "LTAI" + d.chars(20), "token"),
    ("digitalocean-pat", "DigitalOcean", "DIGITALOCEAN_TOKEN", lambda d: "dop_v1_" + d.chars(64, HEX), "token"),
    ("heroku-api-key", "Heroku", "HEROKU_API_KEY", lambda d: "HRKU-AA" + d.chars(58, URLSAFE), "token"),
    ("ibm-cloud-api-key", "IBM Cloud", "IBM_CLOUD_API_KEY", lambda d: d.chars(44, URLSAFE), "token"),
    ("cloudflare-api-token", "Cloudflare", "CLOUDFLARE_API_TOKEN", lambda d: d.chars(40, URLSAFE), "token"),
    ("databricks-token", "Databricks", "DATABRICKS_TOKEN", lambda d: "dapi" + d.chars(32, HEX), "token"),
    ("stripe-secret-key", "Stripe", "STRIPE_SECRET_KEY",
     lambda d: "sk_live_51" + d.chars(d.pick([22, 97])), "token"),
    ("stripe-restricted-key", "Stripe", "STRIPE_RESTRICTED_KEY", lambda d: "rk_live_" + d.chars(24), "token"),
    ("stripe-webhook-secret", "Stripe", "STRIPE_WEBHOOK_SECRET", lambda d: "whsec_" + d.chars(32), "token"),
    ("shopify-access-token", "Shopify", "SHOPIFY_ACCESS_TOKEN", lambda d: "shpat_" + d.chars(32, HEX), "token"),
    ("square-access-token", "Square", "SQUARE_ACCESS_TOKEN", lambda d: "EAAA" + d.chars(60, URLSAFE), "token"),
    ("braintree-access-token", "Braintree", "BRAINTREE_ACCESS_TOKEN",
     lambda d: f"access_token$production${d.chars(16, LOWER_ALNUM)}${d.chars(32, HEX)}", "token"),
    ("paypal-client-secret", "PayPal", "PAYPAL_CLIENT_SECRET", lambda d: d.chars(80, URLSAFE), "token"),
    ("shippo-api-token", "Shippo", "SHIPPO_API_KEY", lambda d: "shippo_live_" + d.chars(40, HEX), "token"),
    ("easypost-api-key", "EasyPost", "EASYPOST_API_KEY", lambda d: "EZAK" + d.chars(54), "token"),
    ("flutterwave-secret-key", "Flutterwave", "FLW_SECRET_KEY",
     lambda d: "FLWSECK-" + d.chars(32, "abcdefgh0123456789") + "-X", "token"),
    ("twilio-auth-token", "Twilio", "TWILIO_AUTH_TOKEN", lambda d: d.chars(32, HEX), "token"),
    ("twilio-api-key", "Twilio", "TWILIO_API_KEY", lambda d: "SK" + d.chars(32, HEX), "token"),
    ("sendgrid-api-key", "SendGrid", "SENDGRID_API_KEY",
     lambda d: f"SG.{d.chars(22, URLSAFE)}.{d.chars(43, URLSAFE)}", "token"),
    ("mailgun-api-key", "Mailgun", "MAILGUN_API_KEY", lambda d: "key-" + d.chars(32, HEX), "token"),
    ("mailchimp-api-key", "Mailchimp", "MAILCHIMP_API_KEY",
     lambda d: f"{d.chars(32, HEX)}-us{d.pick(['6', '14', '19', '21'])}", "token"),
    ("brevo-api-key", "Brevo", "BREVO_API_KEY", lambda d: f"xkeysib-{d.chars(64, HEX)}-{d.chars(16)}", "token"),
    ("npm-token", "npm", "NPM_TOKEN", lambda d: "npm_" + d.chars(36), "token"),
    ("pypi-token", "PyPI", "PYPI_API_TOKEN", lambda d: "pypi-AgEIcHlwaS5vcmc" + d.chars(150, URLSAFE), "token"),
    ("rubygems-api-key", "RubyGems", "GEM_HOST_API_KEY", lambda d: "rubygems_" + d.chars(48, HEX), "token"),
    ("clojars-token", "Clojars", "CLOJARS_DEPLOY_TOKEN", lambda d: "CLOJARS_" + d.chars(60, LOWER_ALNUM), "token"),
    ("artifactory-api-key", "JFrog Artifactory", "ARTIFACTORY_API_KEY", lambda d: "AKCp" + d.chars(69), "token"),
    ("atlassian-api-token", "Atlassian", "JIRA_API_TOKEN",
     lambda d: "ATATT3" + d.chars(177, URLSAFE) + "=" + d.chars(8, "0123456789ABCDEF"), "token"),
    ("doppler-token", "Doppler", "DOPPLER_TOKEN", lambda d: "dp.st." + d.chars(43), "token"),
    ("datadog-api-key", "Datadog", "DD_API_KEY", lambda d: d.chars(32, HEX), "token"),
    ("new-relic-user-key", "New Relic", "NEW_RELIC_API_KEY", lambda d: "NRAK-" + d.chars(27, UPPER_ALNUM), "token"),
    ("linear-api-key", "Linear", "LINEAR_API_KEY", lambda d: "lin_api_" + d.chars(40), "token"),
    ("postman-api-key", "Postman", "POSTMAN_API_KEY",
     lambda d: f"PMAK-{d.chars(24, HEX)}-{d.chars(34, HEX)}", "token"),
    ("pulumi-access-token", "Pulumi", "PULUMI_ACCESS_TOKEN", lambda d: "pul-" + d.chars(40, HEX), "token"),
    ("vault-token", "HashiCorp Vault", "VAULT_TOKEN", lambda d: "hvs." + d.chars(95, URLSAFE), "token"),
    ("terraform-cloud-token", "HashiCorp Terraform", "TF_API_TOKEN",
     lambda d: f"{d.chars(14)}.atlasv1.{d.chars(67, URLSAFE)}", "token"),
    ("openai-api-key", "OpenAI", "OPENAI_API_KEY",
     lambda d: f"sk-proj-{d.chars(74, URLSAFE)}T3BlbkFJ{d.chars(74, URLSAFE)}", "token"),
    ("anthropic-api-key", "Anthropic", "ANTHROPIC_API_KEY",
     lambda d: f"sk-ant-api03-{d.chars(93, URLSAFE)}AA", "token"),
    ("huggingface-token", "Hugging Face", "HF_TOKEN", lambda d: "hf_" + d.chars(34, UPPER + LOWER), "token"),
    ("perplexity-api-key", "Perplexity", "PERPLEXITY_API_KEY", lambda d: "pplx-" + d.chars(48), "token"),
    ("dropbox-access-token", "Dropbox", "DROPBOX_ACCESS_TOKEN", lambda d: "sl." + d.chars(138, URLSAFE), "token"),
    ("jwt", "JSON Web Token", "SESSION_JWT",
     lambda d: jwt(d, {"sub": d.digits(8), "role": "service", "iat": 1767225600, "exp": 1798761600}), "token"),
    ("notion-token", "Notion", "NOTION_TOKEN", lambda d: "ntn_" + d.digits(11) + d.chars(35), "token"),
    ("sentry-user-token", "Sentry", "SENTRY_AUTH_TOKEN", lambda d: "sntryu_" + d.chars(64, HEX), "token"),
    ("grafana-service-account-token", "Grafana", "GRAFANA_TOKEN",
     lambda d: f"glsa_{d.chars(32)}_{d.chars(8, HEX)}", "token"),
    ("flyio-token", "Fly.io", "FLY_API_TOKEN", lambda d: "fo1_" + d.chars(43, URLSAFE), "token"),
    ("planetscale-token", "PlanetScale", "PLANETSCALE_SERVICE_TOKEN", lambda d: "pscale_tkn_" + d.chars(43, URLSAFE), "token"),
    ("age-secret-key", "age", "SOPS_AGE_KEY", lambda d: "AGE-SECRET-KEY-1" + d.chars(58, BECH32).upper(), "token"),
    ("onepassword-service-token", "1Password", "OP_SERVICE_ACCOUNT_TOKEN",
     lambda d: "ops_eyJ" + d.chars(320, BASE64), "token"),
    ("hubspot-private-app-token", "HubSpot", "HUBSPOT_ACCESS_TOKEN", lambda d: "pat-na1-" + d.uuid(), "token"),
    ("sonarqube-token", "SonarQube", "SONAR_TOKEN", lambda d: "sqp_" + d.chars(40, HEX), "token"),
    ("snyk-token", "Snyk", "SNYK_TOKEN", lambda d: d.uuid(), "token"),
    ("facebook-page-token", "Facebook", "FB_PAGE_ACCESS_TOKEN", lambda d: "EAAG" + d.chars(190), "token"),
    ("twitter-bearer-token", "Twitter", "TWITTER_BEARER_TOKEN", lambda d: "A" * 22 + d.chars(90), "token"),
    ("mapbox-secret-token", "Mapbox", "MAPBOX_SECRET_TOKEN",
     lambda d: f"sk.eyJ1Ijoi{d.chars(50, URLSAFE)}.{d.chars(22, URLSAFE)}", "token"),
    ("dynatrace-token", "Dynatrace", "DT_API_TOKEN",
     lambda d: f"dt0c01.{d.chars(24, UPPER_ALNUM)}.{d.chars(64, UPPER_ALNUM)}", "token"),
    ("typeform-token", "Typeform", "TYPEFORM_TOKEN", lambda d: "tfp_" + d.chars(59, URLSAFE), "token"),
    ("readme-api-key", "ReadMe", "README_API_KEY", lambda d: "rdme_" + d.chars(70, LOWER_ALNUM), "token"),
    ("prefect-api-key", "Prefect", "PREFECT_API_KEY", lambda d: "pnu_" + d.chars(36), "token"),
    ("infracost-api-key", "Infracost", "INFRACOST_API_KEY", lambda d: "ico-" + d.chars(32), "token"),
    ("okta-api-token", "Okta", "OKTA_API_TOKEN", lambda d: "00" + d.chars(40, URLSAFE), "token"),
    ("contentful-pat", "Contentful", "CONTENTFUL_MANAGEMENT_TOKEN", lambda d: "CFPAT-" + d.chars(43, URLSAFE), "token"),
    ("netlify-token", "Netlify", "NETLIFY_AUTH_TOKEN", lambda d: "nfp_" + d.chars(36), "token"),
    ("launchdarkly-sdk-key", "LaunchDarkly", "LAUNCHDARKLY_SDK_KEY", lambda d: "sdk-" + d.uuid(), "token"),
    ("algolia-admin-key", "Algolia", "ALGOLIA_ADMIN_API_KEY", lambda d: d.chars(32, HEX), "token"),
    ("yandex-api-key", "Yandex Cloud", "YANDEX_API_KEY", lambda d: "AQVN" + d.chars(36, URLSAFE), "token"),
    ("database-url", "PostgreSQL URL", "DATABASE_URL",
     lambda d: f"postgres://app:{d.chars(20)}@{d.pick(['db', 'pg-main', 'orders-db'])}.prod.internal:5432/app", "url"),
    ("sql-connection-string", "SQL Server", "SQL_CONNECTION_STRING",
     lambda d: f"Server=tcp:{d.chars(8, LOWER)}.database.windows.net,1433;Database=orders;User ID=app;Password={d.chars(20)};Encrypt=true;",
     "url"),
]

CURL_FORMATS = [
    ("curl-bearer-header", "curl header", lambda d: d.chars(40)),
    ("curl-basic-auth", "curl --user", lambda d: d.chars(20)),
]

SERVICES = ["billing", "checkout", "notifier", "reports", "ingest", "search", "auth-proxy", "scheduler"]
REGIONS = ["eu-west-1", "us-east-2", "ap-southeast-1", "westeurope"]


def camel(var):
    head, *rest = var.lower().split("_")
    return head + "".join(word.capitalize() for word in rest)


def env_file(d, var, value, kind):
    lines = [f"# {d.pick(SERVICES)} service, {d.pick(['production', 'staging'])}",
             f"APP_ENV={d.pick(['production', 'staging'])}", f"LOG_LEVEL={d.pick(['info', 'warn'])}"]
    if kind == "pem":
        lines.append(f'{var}="' + "\\n".join(value) + '"')
    else:
        lines.append(f"{var}={value}")
    planted = len(lines)
    lines += [f"HTTP_TIMEOUT_SECONDS={d.pick([10, 30, 60])}", f"REGION={d.pick(REGIONS)}", ""]
    return lines, planted


def yaml_file(d, var, value, kind, provider):
    slug = re.sub(r"[^a-z0-9]+", "_", provider.lower()).strip("_")
    lines = ["service:", f"  name: {d.pick(SERVICES)}", f"  region: {d.pick(REGIONS)}", "  replicas: 3",
             "integrations:", f"  {slug}:", "    enabled: true"]
    key = var.lower()
    if kind == "pem":
        lines.append(f"    {key}: |")
        planted = len(lines)  # a block scalar's value starts on its key's line
        lines += ["      " + line for line in value]
    else:
        quote = d.pick(['"', "'", ""])
        lines.append(f"    {key}: {quote}{value}{quote}")
        planted = len(lines)
    lines += ["    timeout_seconds: 30", "logging:", "  level: info", ""]
    return lines, planted


def json_file(d, var, value, kind):
    text = "\\n".join(value) + "\\n" if kind == "pem" else value
    lines = ["{", f'  "service": "{d.pick(SERVICES)}",', f'  "region": "{d.pick(REGIONS)}",',
             f'  "{camel(var)}": "{text}",', '  "retries": 3,', '  "features": ["audit", "export"]', "}", ""]
    return lines, 4


def python_file(d, var, value, kind):
    lines = [f'"""Settings of the {d.pick(SERVICES)} service."""', "import os", "", "DEBUG = False",
             f'REGION = "{d.pick(REGIONS)}"']
    if kind == "pem":
        lines.append(f'{var} = """{value[0]}')
        planted = len(lines)
        lines += value[1:-1] + [f'{value[-1]}', '"""']
    elif d.pick([True, False]):
        lines.append(f'{var} = os.environ.get("{var}", "{value}")')
        planted = len(lines)
    else:
        lines.append(f'{var} = "{value}"')
        planted = len(lines)
    lines += ["TIMEOUT_SECONDS = 30", ""]
    return lines, planted


def markdown_file(d, var, value, kind, provider):
    service = d.pick(SERVICES)
    lines = [f"# Deploying {service}", "", f"The {service} service talks to {provider}. Before the first deploy,",
             "set its credentials in the shell that runs the deploy script:", "", "```bash"]
    if kind == "pem":
        lines.append(f"cat > ~/.ssh/{var.lower()} <<'EOF'")
        planted = len(lines) + 1
        lines += value + ["EOF"]
    else:
        lines.append(f"export {var}='{value}'")
        planted = len(lines)
    lines += ["./deploy.sh --env production", "```", "", "The script reads nothing else from the environment.", ""]
    return lines, planted


def javascript_file(d, value, kind):
    """The value passed straight to a client or a request: no variable name says what it is."""
    lines = ['"use strict";', f'const region = "{d.pick(REGIONS)}";', ""]
    if kind == "pem":
        lines.append(f"const signer = createSigner(`{value[0]}")
        planted = len(lines)
        lines += value[1:] + ["`);"]
    elif kind == "url":
        lines.append(f'const response = await fetch("{value}", {{ method: "POST", body }});')
        planted = len(lines)
    else:
        lines.append(f'const client = createClient("{value}", {{ region, retries: 3 }});')
        planted = len(lines)
    lines += ["module.exports = { client: typeof client === 'undefined' ? null : client };", ""]
    return lines, planted


def curl_files(d, fmt, value):
    """A curl command with the credential, in a shell script and in a Markdown how-to."""
    host = f"api.{d.pick(['acme', 'northwind', 'globex'])}.io"
    if fmt == "curl-bearer-header":
        command = f'curl -sS -H "Authorization: Bearer {value}" https://{host}/v2/reports'
    else:
        command = f"curl -sS --user deploy:{value} https://{host}/v2/upload -T build.tar.gz"
    sh = ["#!/usr/bin/env bash", "# Fetches the nightly report.", "set -euo pipefail", command, "echo done", ""]
    md = ["# Nightly report", "", "Run:", "", "```bash", command, "```", ""]
    return [("sh", sh, 4), ("md", md, 6)]


def kubernetes_secret(d):
    password = base64.b64encode(d.chars(20).encode()).decode()
    lines = ["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {d.pick(SERVICES)}-db", "type: Opaque", "data:",
             f"  username: {base64.b64encode(b'app').decode()}", f"  password: {password}", ""]
    return lines, 8


def clean_files(d):
    """Look-alikes only. Values from providers' documentation are written as they are documented."""
    uuid_lines = [f"request_id: {d.uuid()}", f"tenant_id: {d.uuid()}", f"AZURE_CLIENT_ID={d.uuid()}",
                  f'"correlationId": "{d.uuid()}"', f"instance = {d.uuid()}"]
    notes = base64.b64encode(b"# Release notes\n\nNothing secret here.\n").decode()
    sha1 = hashlib.sha1(d.chars(20).encode()).hexdigest()
    sha256 = hashlib.sha256(d.chars(20).encode()).hexdigest()
    md5 = hashlib.md5(d.chars(20).encode()).hexdigest()
    integrity = base64.b64encode(hashlib.sha512(d.chars(20).encode()).digest()).decode()
    files = {
        "docs/aws-quickstart.md": [
            "# AWS quick start", "", "The AWS documentation uses these values in its examples:", "", "```ini",
            "[default]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "region = us-west-2", "```", ""],
        "docs/stripe-quickstart.md": [
            "# Stripe test mode", "", "The API reference authenticates its examples with a published test key:", "",
            "```bash", "curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:", "```", "",
            "Your own keys go in `STRIPE_SECRET_KEY`; never commit them.", ""],
        "docs/jwt.md": [
            "# Tokens", "", "A decoded sample (the JWT debugger's):", "",
            "    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", ""],
        "config/azurite.env": [
            "# Local development against the Azurite storage emulator (its published account key)",
            "AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;", ""],
        "docs/telegram.md": [
            "# Telegram notifications", "", "BotFather answers with a token such as `110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw`;",
            "the Bot API documentation writes it as `123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11`.", ""],
        "docs/placeholders.md": [
            "# Configuration reference", "", "```bash", "export GITHUB_TOKEN=<your-github-token>",
            "export SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "export TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "export TWILIO_AUTH_TOKEN=your_auth_token",
            "export STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "export OPENAI_API_KEY=sk-...",
            "export DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app", "export DD_API_KEY=<DATADOG_API_KEY>", "```", ""],
        "config/ci.yml": [
            "env:", "  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", "  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
            "  SENDGRID_API_KEY: '{{ sendgrid_api_key }}'", "  API_KEY: ${API_KEY}", "  PASSWORD: changeme",
            "  AWS_SECRET_ACCESS_KEY: REDACTED", "  HEROKU_API_KEY: '********'", ""],
        "config/app.json": [
            "{", '  "apiKey": "%API_KEY%",', '  "token": "TODO",', '  "password": "",',
            '  "stripePublishableKey": "pk_live_' + d.chars(24) + '",',
            '  "sentryDsn": "https://' + d.chars(32, HEX) + '@o' + d.digits(6) + '.ingest.sentry.io/' + d.digits(7) + '",',
            '  "googleClientId": "' + d.digits(12) + '-' + d.chars(32, LOWER_ALNUM) + '.apps.googleusercontent.com"', "}", ""],
        "config/ids.yaml": uuid_lines + [""],
        "build/checksums.txt": [
            f"commit: {sha1}", f"sha256: {sha256}", f"etag: \"{md5}\"",
            f"image: registry.example.org/app@sha256:{hashlib.sha256(d.chars(16).encode()).hexdigest()}", ""],
        "build/package-lock.json": [
            "{", '  "packages": {', '    "node_modules/left-pad": {', '      "version": "1.3.0",',
            f'      "integrity": "sha512-{integrity}"', "    }", "  }", "}", ""],
        "build/go.sum": [
            f"example.org/mod v1.2.3 h1:{base64.b64encode(hashlib.sha256(d.chars(12).encode()).digest()).decode()}",
            f"example.org/mod v1.2.3/go.mod h1:{base64.b64encode(hashlib.sha256(d.chars(12).encode()).digest()).decode()}", ""],
        "docs/data.md": [
            "# Inline assets", "",
            f"logo: data:text/plain;base64,{base64.b64encode(b'flash-sync keeps your repositories in step').decode()}",
            f"banner: {base64.b64encode(json.dumps({'title': 'Release notes', 'version': '2.4.0'}).encode()).decode()}", ""],
        "keys/deploy.pub": [
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + d.b64(32, pad=False)[:43] + " deploy@ci", ""],
        "keys/ca.pem": ["-----BEGIN CERTIFICATE-----"]
        + [d.b64(48) for _ in range(6)] + ["-----END CERTIFICATE-----", ""],
        "config/release.env": [
            f"GIT_COMMIT={hashlib.sha1(d.chars(12).encode()).hexdigest()}",
            f"SENTRY_RELEASE={hashlib.sha1(d.chars(12).encode()).hexdigest()}",
            f"HEROKU_APP_ID={d.uuid()}", f"SNYK_ORG_ID={d.uuid()}", f"DATADOG_SITE=datadoghq.eu",
            f"DATADOG_AGENT_SHA256={hashlib.sha256(d.chars(12).encode()).hexdigest()}",
            f"CACHE_KEY=deps-{hashlib.sha256(d.chars(12).encode()).hexdigest()}",
            f"BUILD_ID={d.digits(10)}", ""],
        "docs/api-response.json": [
            "{", f'  "sha": "{hashlib.sha1(d.chars(12).encode()).hexdigest()}",',
            f'  "node_id": "C_kwDO{d.chars(16, URLSAFE)}",', f'  "tree": {{"sha": "{hashlib.sha1(d.chars(12).encode()).hexdigest()}"}},',
            f'  "uuid": "{d.uuid()}",', f'  "content": "{notes}"', "}", ""],
        "src/settings.py": [
            '"""Settings that name secrets without holding any."""', "import os", "",
            'SECRET_NAME = "db-password"', 'TOKEN_TYPE = "bearer"', 'API_KEY_HEADER = "X-API-Key"',
            'PASSWORD_FIELD = "password"', 'api_token = os.environ["API_TOKEN"]',
            "token = tokenize.generate_tokens(readline)", 'secret_ref = "projects/acme/secrets/db/versions/latest"', ""],
    }
    return {name: lines for name, lines in files.items()}


def kind_of(fmt):
    return next((kind for name, _, _, _, kind in FORMATS if name == fmt), "token")


def write(root, relative, lines):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="folder to (re)create")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    d = Draw(args.seed)
    files_root = os.path.join(args.out, "files")
    shutil.rmtree(args.out, ignore_errors=True)
    planted, formats = [], {}

    def add(fmt, provider, relative, lines, line):
        write(files_root, relative, lines)
        entry = {"file": relative, "line": line, "format": fmt, "provider": provider}
        if kind_of(fmt) == "pem" and "-----END" not in lines[line - 1]:
            entry["last_line"] = next(n for n in range(line, len(lines) + 1) if "-----END" in lines[n - 1])
        planted.append(entry)

    for fmt, provider, var, make, kind in FORMATS:
        formats[fmt] = provider
        base = f"planted/{fmt}"
        add(fmt, provider, f"{base}/.env", *env_file(d, var, make(d), kind))
        add(fmt, provider, f"{base}/config.yaml", *yaml_file(d, var, make(d), kind, provider))
        add(fmt, provider, f"{base}/settings.json", *json_file(d, var, make(d), kind))
        add(fmt, provider, f"{base}/settings.py", *python_file(d, var, make(d), kind))
        add(fmt, provider, f"{base}/DEPLOY.md", *markdown_file(d, var, make(d), kind, provider))
        add(fmt, provider, f"{base}/client.js", *javascript_file(d, make(d), kind))
    for fmt, provider, make in CURL_FORMATS:
        formats[fmt] = provider
        for ext, lines, line in curl_files(d, fmt, make(d)):
            add(fmt, provider, f"planted/{fmt}/{'fetch.sh' if ext == 'sh' else 'README.md'}", lines, line)
    formats["kubernetes-secret"] = "Kubernetes"
    for index in range(3):
        add("kubernetes-secret", "Kubernetes", f"planted/kubernetes-secret/secret-{index + 1}.yaml", *kubernetes_secret(d))

    clean = []
    for relative, lines in sorted(clean_files(d).items()):
        write(files_root, f"clean/{relative}", lines)
        clean.append(f"clean/{relative}")

    planted.sort(key=lambda entry: (entry["file"], entry["line"]))
    manifest = {"seed": args.seed, "formats": formats, "planted": planted, "clean": clean}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
        handle.write("\n")
    print(f"{len(planted)} planted secrets of {len(formats)} formats in {len(planted)} files, "
          f"{len(clean)} clean files: {files_root}")


if __name__ == "__main__":
    sys.exit(main())
