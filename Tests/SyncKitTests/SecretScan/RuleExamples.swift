import Testing

/// A line a rule must flag: `flagged` is the text the finding points at, `hidden` the value no finding
/// field may contain (the same as `flagged` except for private key blocks, whose secret is the body).
struct PositiveExample: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let text: String
    let flagged: String
    let hidden: String

    init(_ ruleID: String, _ text: String, flagged: String, hidden: String? = nil) {
        self.ruleID = ruleID
        self.text = text
        self.flagged = flagged
        self.hidden = hidden ?? flagged
    }

    var testDescription: String { ruleID }
}

/// A line a rule must not flag, and why.
struct NegativeExample: Sendable, CustomTestStringConvertible {
    let ruleID: String
    let text: String
    let why: String

    init(_ ruleID: String, _ text: String, _ why: String) {
        self.ruleID = ruleID
        self.text = text
        self.why = why
    }

    var testDescription: String { "\(ruleID): \(why)" }
}

enum RuleExamples {
    // Alphabets of provider formats that FakeSecret does not have.
    static let hex = Array("0123456789abcdef")
    static let lowerAlphanumeric = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    static let upperDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let digits = Array("0123456789")
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    static let bech32 = Array("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")

    static let githubToken = FakeSecret.joined("gh", "p_", FakeSecret.random(36, seed: 1))
    static let githubServerToken = FakeSecret.joined("gh", "s_", FakeSecret.random(36, seed: 2))
    /// The stateless installation token format GitHub rolls out since April 2026: a ghs_ JWT.
    static let githubStatelessToken = FakeSecret.joined(
        "gh", "s_", FakeSecret.random(36, seed: 21), ".", FakeSecret.random(300, seed: 22), "_", FakeSecret.random(40, seed: 23), ".", FakeSecret.random(86, seed: 24))
    static let githubFineGrained = FakeSecret.joined(
        "github_", "pat_", FakeSecret.random(22, seed: 3), "_", FakeSecret.random(59, seed: 4))
    static let awsKeyID = FakeSecret.joined("AK", "IA", FakeSecret.random(16, from: FakeSecret.upperAlphanumeric, seed: 5))
    static let awsSecret = FakeSecret.random(40, from: FakeSecret.base64, seed: 6)
    static let slackToken = FakeSecret.joined("xo", "xb-", "2048", "-", "1024", "-", FakeSecret.random(24, seed: 7))
    static let slackWebhook = FakeSecret.joined(
        "https://hooks.", "slack.com/services/T", FakeSecret.random(8, from: FakeSecret.upperAlphanumeric, seed: 8),
        "/B", FakeSecret.random(8, from: FakeSecret.upperAlphanumeric, seed: 9), "/", FakeSecret.random(24, seed: 10))
    static let googleKey = FakeSecret.joined("AI", "za", FakeSecret.random(35, from: FakeSecret.urlSafe, seed: 11))
    static let stripeKey = FakeSecret.joined("sk", "_live_", FakeSecret.random(24, seed: 12))
    static let keyBody = FakeSecret.random(64, from: FakeSecret.base64, seed: 13)
    static let jwt = FakeSecret.joined(
        "eyJ", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 14), ".eyJ",
        FakeSecret.random(30, from: FakeSecret.urlSafe, seed: 15), ".", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 16))
    static let npmToken = FakeSecret.joined("np", "m_", FakeSecret.random(36, seed: 17))
    static let pypiToken = FakeSecret.joined("pypi-", "AgEIcHlwaS5vcmc", FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 18))
    static let gitlabToken = FakeSecret.joined("gl", "pat-", FakeSecret.random(20, seed: 19))
    static let urlPassword = FakeSecret.random(16, seed: 20)
    static let quotedPassword = FakeSecret.random(20, seed: 21)
    static let unquotedToken = FakeSecret.random(24, seed: 22)

    // Provider formats (cloud, chat, SaaS, payments, AI, registries): seeds from 100 on.
    static let azureAccountKey = FakeSecret.joined(FakeSecret.random(86, from: FakeSecret.base64, seed: 100), "==")
    static let azureSharedKey = FakeSecret.joined(FakeSecret.random(43, from: FakeSecret.base64, seed: 101), "=")
    static let azureSAS = FakeSecret.joined(
        FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 102), "%2B",
        FakeSecret.random(2, from: FakeSecret.alphanumeric, seed: 103), "%3D")
    static let azureClientSecret = FakeSecret.joined(
        FakeSecret.random(3, from: FakeSecret.alphanumeric, seed: 104), "8Q", "~",
        FakeSecret.random(34, from: FakeSecret.urlSafe, seed: 105))
    static let alibabaKeyID = FakeSecret.joined("LT", "AI", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 106))
    static let alibabaSecret = FakeSecret.random(30, from: FakeSecret.alphanumeric, seed: 107)
    static let bedrockKey = FakeSecret.joined("AB", "SK", FakeSecret.random(130, from: FakeSecret.base64, seed: 108))
    static let mwsToken = FakeSecret.joined(
        "amzn", ".mws.", FakeSecret.random(8, from: hex, seed: 109), "-", FakeSecret.random(4, from: hex, seed: 110), "-",
        FakeSecret.random(4, from: hex, seed: 111), "-", FakeSecret.random(4, from: hex, seed: 112), "-",
        FakeSecret.random(12, from: hex, seed: 113))
    static let digitaloceanToken = FakeSecret.joined("do", "p_v1_", FakeSecret.random(64, from: hex, seed: 114))
    static let googleClientSecret = FakeSecret.joined("GOC", "SPX-", FakeSecret.random(28, from: FakeSecret.urlSafe, seed: 115))
    static let googleAccessToken = FakeSecret.joined("ya", "29.", FakeSecret.random(120, from: FakeSecret.urlSafe, seed: 116))
    static let herokuKey = FakeSecret.joined("HR", "KU-AA", FakeSecret.random(58, from: FakeSecret.urlSafe, seed: 117))
    static let herokuLegacyKey = FakeSecret.joined(
        FakeSecret.random(8, from: hex, seed: 118), "-", FakeSecret.random(4, from: hex, seed: 119), "-",
        FakeSecret.random(4, from: hex, seed: 120), "-", FakeSecret.random(4, from: hex, seed: 121), "-",
        FakeSecret.random(12, from: hex, seed: 122))
    static let ibmKey = FakeSecret.random(44, from: FakeSecret.urlSafe, seed: 123)
    static let flyToken = FakeSecret.joined("fo", "1_", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 124))
    static let cloudflareOriginKey = FakeSecret.joined(
        "v1", ".0-", FakeSecret.random(24, from: hex, seed: 125), "-", FakeSecret.random(146, from: hex, seed: 126))
    static let cloudflareToken = FakeSecret.random(40, from: FakeSecret.urlSafe, seed: 127)
    static let clickhouseSecret = FakeSecret.joined("4b", "1d", FakeSecret.random(38, from: FakeSecret.alphanumeric, seed: 128))
    static let databricksToken = FakeSecret.joined("da", "pi", FakeSecret.random(32, from: hex, seed: 129))
    static let openshiftToken = FakeSecret.joined("sha256", "~", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 130))
    static let planetscaleToken = FakeSecret.joined("pscale", "_tkn_", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 131))
    static let scalingoToken = FakeSecret.joined("tk-", "us-", FakeSecret.random(48, from: FakeSecret.urlSafe, seed: 132))
    static let yandexKey = FakeSecret.joined("AQ", "VN", FakeSecret.random(36, from: FakeSecret.urlSafe, seed: 133))
    static let yandexStaticKey = FakeSecret.joined("Y", "C", FakeSecret.random(38, from: FakeSecret.urlSafe, seed: 134))
    static let discordWebhook = FakeSecret.joined(
        "https://discord", ".com/api/webhooks/", FakeSecret.random(18, from: digits, seed: 135), "/",
        FakeSecret.random(68, from: FakeSecret.urlSafe, seed: 136))
    static let discordBotToken = FakeSecret.joined(
        "MT", FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 137), ".",
        FakeSecret.random(6, from: FakeSecret.urlSafe, seed: 138), ".",
        FakeSecret.random(38, from: FakeSecret.urlSafe, seed: 139))
    static let discordClientSecret = FakeSecret.random(32, from: FakeSecret.urlSafe, seed: 140)
    static let teamsWebhook = FakeSecret.joined(
        "https://acme.webhook", ".office.com/webhookb2/", FakeSecret.random(8, from: hex, seed: 141), "-",
        FakeSecret.random(4, from: hex, seed: 142), "-", FakeSecret.random(4, from: hex, seed: 143), "-",
        FakeSecret.random(4, from: hex, seed: 144), "-", FakeSecret.random(12, from: hex, seed: 145), "@",
        FakeSecret.random(8, from: hex, seed: 146), "-", FakeSecret.random(4, from: hex, seed: 147), "-",
        FakeSecret.random(4, from: hex, seed: 148), "-", FakeSecret.random(4, from: hex, seed: 149), "-",
        FakeSecret.random(12, from: hex, seed: 150), "/IncomingWebhook/", FakeSecret.random(32, from: hex, seed: 151), "/",
        FakeSecret.random(8, from: hex, seed: 152), "-", FakeSecret.random(4, from: hex, seed: 153), "-",
        FakeSecret.random(4, from: hex, seed: 154), "-", FakeSecret.random(4, from: hex, seed: 155), "-",
        FakeSecret.random(12, from: hex, seed: 156))
    static let logicAppSig = FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 157)
    static let googleChatWebhook = FakeSecret.joined(
        "https://chat", ".googleapis.com/v1/spaces/AAAA", FakeSecret.random(7, from: FakeSecret.urlSafe, seed: 158),
        "/messages?key=AI", "za", FakeSecret.random(35, from: FakeSecret.urlSafe, seed: 159), "&token=",
        FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 160), "%3D")
    static let slackAppToken = FakeSecret.joined(
        "xa", "pp-1-A", FakeSecret.random(10, from: upperDigits, seed: 161), "-",
        FakeSecret.random(13, from: digits, seed: 162), "-", FakeSecret.random(64, from: hex, seed: 163))
    static let telegramToken = FakeSecret.joined(
        FakeSecret.random(10, from: digits, seed: 164), ":A", "A", FakeSecret.random(33, from: FakeSecret.urlSafe, seed: 165))
    static let mattermostToken = FakeSecret.random(26, from: lowerAlphanumeric, seed: 166)
    static let gitterToken = FakeSecret.random(40, from: lowerAlphanumeric, seed: 167)
    static let intercomToken = FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 168)
    static let sendbirdToken = FakeSecret.random(40, from: hex, seed: 169)
    static let messagebirdKey = FakeSecret.random(25, from: FakeSecret.alphanumeric, seed: 170)
    static let zendeskToken = FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 171)
    static let notionToken = FakeSecret.joined(
        "nt", "n_", FakeSecret.random(11, from: digits, seed: 172),
        FakeSecret.random(35, from: FakeSecret.alphanumeric, seed: 173))
    static let linearKey = FakeSecret.joined("lin", "_api_", FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 174))
    static let linearSecret = FakeSecret.random(32, from: hex, seed: 175)
    static let asanaToken = FakeSecret.joined(
        "2/", FakeSecret.random(16, from: digits, seed: 176), "/", FakeSecret.random(16, from: digits, seed: 177), ":",
        FakeSecret.random(32, from: hex, seed: 178))
    static let asanaSecret = FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 179)
    static let atlassianToken = FakeSecret.joined("ATA", "TT3", FakeSecret.random(186, from: FakeSecret.urlSafe, seed: 180))
    static let atlassianLegacyToken = FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 181)
    static let bitbucketSecret = FakeSecret.random(32, from: FakeSecret.urlSafe, seed: 182)
    static let typeformToken = FakeSecret.joined("tf", "p_", FakeSecret.random(59, from: FakeSecret.urlSafe, seed: 183))
    static let hubspotToken = FakeSecret.joined(
        "pat", "-na1-", FakeSecret.random(8, from: hex, seed: 184), "-", FakeSecret.random(4, from: hex, seed: 185), "-",
        FakeSecret.random(4, from: hex, seed: 186), "-", FakeSecret.random(4, from: hex, seed: 187), "-",
        FakeSecret.random(12, from: hex, seed: 188))
    static let hubspotKey = FakeSecret.joined(
        FakeSecret.random(8, from: hex, seed: 189), "-", FakeSecret.random(4, from: hex, seed: 190), "-",
        FakeSecret.random(4, from: hex, seed: 191), "-", FakeSecret.random(4, from: hex, seed: 192), "-",
        FakeSecret.random(12, from: hex, seed: 193))
    static let launchdarklyKey = FakeSecret.joined(
        "sdk-", FakeSecret.random(8, from: hex, seed: 194), "-", FakeSecret.random(4, from: hex, seed: 195), "-",
        FakeSecret.random(4, from: hex, seed: 196), "-", FakeSecret.random(4, from: hex, seed: 197), "-",
        FakeSecret.random(12, from: hex, seed: 198))
    static let sentryUserToken = FakeSecret.joined("sntr", "yu_", FakeSecret.random(64, from: hex, seed: 199))
    static let sentryHexToken = FakeSecret.random(64, from: hex, seed: 200)
    static let sourcegraphToken = FakeSecret.joined(
        "sg", "p_", FakeSecret.random(16, from: hex, seed: 201), "_", FakeSecret.random(40, from: hex, seed: 202))
    static let sonarToken = FakeSecret.joined("sq", "p_", FakeSecret.random(40, from: hex, seed: 203))
    static let sonarLegacyToken = FakeSecret.random(40, from: hex, seed: 204)
    static let snykToken = FakeSecret.joined(
        FakeSecret.random(8, from: hex, seed: 205), "-", FakeSecret.random(4, from: hex, seed: 206), "-",
        FakeSecret.random(4, from: hex, seed: 207), "-", FakeSecret.random(4, from: hex, seed: 208), "-",
        FakeSecret.random(12, from: hex, seed: 209))
    static let codecovToken = FakeSecret.joined(
        FakeSecret.random(8, from: hex, seed: 210), "-", FakeSecret.random(4, from: hex, seed: 211), "-",
        FakeSecret.random(4, from: hex, seed: 212), "-", FakeSecret.random(4, from: hex, seed: 213), "-",
        FakeSecret.random(12, from: hex, seed: 214))
    static let travisToken = FakeSecret.random(22, from: FakeSecret.urlSafe, seed: 215)
    static let droneToken = FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 216)
    static let harnessToken = FakeSecret.joined(
        "pat", ".", FakeSecret.random(22, from: FakeSecret.urlSafe, seed: 217), ".",
        FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 218), ".",
        FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 219))
    static let octopusKey = FakeSecret.joined("AP", "I-", FakeSecret.random(26, from: upperDigits, seed: 220))
    static let infracostToken = FakeSecret.joined("ic", "o-", FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 221))
    static let prefectKey = FakeSecret.joined("pn", "u_", FakeSecret.random(36, from: FakeSecret.alphanumeric, seed: 222))
    static let pulumiToken = FakeSecret.joined("pu", "l-", FakeSecret.random(40, from: hex, seed: 223))
    static let dopplerToken = FakeSecret.joined("dp", ".st.", FakeSecret.random(43, from: FakeSecret.alphanumeric, seed: 224))
    static let vaultToken = FakeSecret.joined("hv", "s.", FakeSecret.random(95, from: FakeSecret.urlSafe, seed: 225))
    static let vaultLegacyToken = FakeSecret.joined("s", ".", FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 226))
    static let terraformToken = FakeSecret.joined(
        FakeSecret.random(14, from: FakeSecret.alphanumeric, seed: 227), ".atlas", "v1.",
        FakeSecret.random(67, from: FakeSecret.urlSafe, seed: 228))
    static let grafanaToken = FakeSecret.joined(
        "gl", "sa_", FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 229), "_",
        FakeSecret.random(8, from: hex, seed: 230))
    static let dynatraceToken = FakeSecret.joined(
        "dt0", "c01.", FakeSecret.random(24, from: upperDigits, seed: 231), ".",
        FakeSecret.random(64, from: upperDigits, seed: 232))
    static let newRelicKey = FakeSecret.joined("NR", "AK-", FakeSecret.random(27, from: upperDigits, seed: 233))
    static let datadogKey = FakeSecret.random(32, from: hex, seed: 234)
    static let sumoKey = FakeSecret.random(64, from: FakeSecret.alphanumeric, seed: 235)
    static let fastlyToken = FakeSecret.random(32, from: FakeSecret.urlSafe, seed: 236)
    static let netlifyToken = FakeSecret.joined("nf", "p_", FakeSecret.random(36, from: FakeSecret.alphanumeric, seed: 237))
    static let netlifyLegacyToken = FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 238)
    static let merakiKey = FakeSecret.random(40, from: hex, seed: 239)
    static let oktaToken = FakeSecret.joined("00", FakeSecret.random(40, from: FakeSecret.urlSafe, seed: 240))
    static let authressKey = FakeSecret.joined(
        "sc", "_", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 241), ".",
        FakeSecret.random(5, from: lowerAlphanumeric, seed: 242), ".ac", "c_",
        FakeSecret.random(20, from: lowerAlphanumeric, seed: 243), ".",
        FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 244))
    static let onePasswordSecretKey = FakeSecret.joined(
        "A3", "-", FakeSecret.random(6, from: upperDigits, seed: 245), "-",
        FakeSecret.random(11, from: upperDigits, seed: 246), "-", FakeSecret.random(5, from: upperDigits, seed: 247), "-",
        FakeSecret.random(5, from: upperDigits, seed: 248), "-", FakeSecret.random(5, from: upperDigits, seed: 249))
    static let onePasswordServiceToken = FakeSecret.joined(
        "ops", "_eyJ", FakeSecret.random(300, from: FakeSecret.base64, seed: 250))
    static let ageKey = FakeSecret.joined("AGE-SECRET", "-KEY-1", FakeSecret.random(58, from: bech32, seed: 251))
    static let maxmindKey = FakeSecret.joined(
        FakeSecret.random(6, from: FakeSecret.alphanumeric, seed: 252), "_",
        FakeSecret.random(29, from: FakeSecret.alphanumeric, seed: 253), "_m", "mk")
    static let adafruitIOKey = FakeSecret.joined("ai", "o_", FakeSecret.random(28, from: FakeSecret.alphanumeric, seed: 254))
    static let airtableToken = FakeSecret.joined(
        "pat", FakeSecret.random(14, from: FakeSecret.alphanumeric, seed: 255), ".",
        FakeSecret.random(64, from: hex, seed: 256))
    static let algoliaKey = FakeSecret.random(32, from: hex, seed: 257)
    static let contentfulPAT = FakeSecret.joined("CFP", "AT-", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 258))
    static let contentfulToken = FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 259)
    static let readmeToken = FakeSecret.joined("rd", "me_", FakeSecret.random(70, from: lowerAlphanumeric, seed: 260))
    static let frameioToken = FakeSecret.joined("fio", "-u-", FakeSecret.random(64, from: FakeSecret.urlSafe, seed: 261))
    static let postmanKey = FakeSecret.joined(
        "PM", "AK-", FakeSecret.random(24, from: hex, seed: 262), "-", FakeSecret.random(34, from: hex, seed: 263))
    static let rapidapiKey = FakeSecret.random(50, from: FakeSecret.urlSafe, seed: 264)
    static let privateAIKey = FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 265)
    static let settlemintToken = FakeSecret.joined("sm", "_pat_", FakeSecret.random(16, from: FakeSecret.alphanumeric, seed: 266))
    static let beamerKey = FakeSecret.joined("b", "_", FakeSecret.random(44, from: FakeSecret.urlSafe, seed: 267))
    static let dnKey = FakeSecret.joined(
        "dn", "key-", FakeSecret.random(26, from: FakeSecret.urlSafe, seed: 268), "-",
        FakeSecret.random(52, from: FakeSecret.urlSafe, seed: 269))
    static let adobeSecret = FakeSecret.joined("p8", "e-", FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 270))
    static let lookerSecret = FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 271)
    static let linkedinSecret = FakeSecret.random(16, from: FakeSecret.alphanumeric, seed: 272)
    static let nytimesKey = FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 273)
    static let twitchSecret = FakeSecret.random(30, from: lowerAlphanumeric, seed: 274)
    static let etsyKey = FakeSecret.random(24, from: lowerAlphanumeric, seed: 275)
    static let flickrKey = FakeSecret.random(32, from: hex, seed: 276)
    static let freshbooksToken = FakeSecret.random(64, from: lowerAlphanumeric, seed: 277)
    static let cohereKey = FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 278)
    static let finnhubKey = FakeSecret.random(20, from: lowerAlphanumeric, seed: 279)
    static let adafruitLegacyKey = FakeSecret.random(32, from: hex, seed: 280)
    static let openaiKey = FakeSecret.joined(
        "sk-", "proj-", FakeSecret.random(74, from: FakeSecret.urlSafe, seed: 281), "T3Blbk", "FJ",
        FakeSecret.random(74, from: FakeSecret.urlSafe, seed: 282))
    static let anthropicKey = FakeSecret.joined(
        "sk-", "ant-api03-", FakeSecret.random(93, from: FakeSecret.urlSafe, seed: 283), "AA")
    static let huggingfaceToken = FakeSecret.joined("hf", "_", FakeSecret.random(34, from: letters, seed: 284))
    static let perplexityKey = FakeSecret.joined("pplx", "-", FakeSecret.random(48, from: FakeSecret.alphanumeric, seed: 285))
    static let gitlabRunnerToken = FakeSecret.joined("gl", "rt-", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 286))
    static let gitlabSession = FakeSecret.random(32, from: lowerAlphanumeric, seed: 287)
    static let rubygemsKey = FakeSecret.joined("rubygems", "_", FakeSecret.random(48, from: hex, seed: 288))
    static let clojarsToken = FakeSecret.joined("CLOJARS", "_", FakeSecret.random(60, from: lowerAlphanumeric, seed: 289))
    static let artifactoryKey = FakeSecret.joined("AK", "Cp", FakeSecret.random(69, from: FakeSecret.alphanumeric, seed: 290))
    static let jfrogToken = FakeSecret.random(64, from: FakeSecret.alphanumeric, seed: 291)
    static let nugetPassword = FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 292)
    static let sidekiqCredentials = FakeSecret.joined(
        FakeSecret.random(8, from: hex, seed: 293), ":", FakeSecret.random(8, from: hex, seed: 294))
    static let stripeWebhookSecret = FakeSecret.joined(
        "wh", "sec_", FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 295))
    static let shopifyToken = FakeSecret.joined("shp", "at_", FakeSecret.random(32, from: hex, seed: 296))
    static let squareToken = FakeSecret.joined("EA", "AA", FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 297))
    static let braintreeToken = FakeSecret.joined(
        "access_token", "$production$", FakeSecret.random(16, from: lowerAlphanumeric, seed: 298), "$",
        FakeSecret.random(32, from: hex, seed: 299))
    static let paypalSecret = FakeSecret.random(80, from: FakeSecret.urlSafe, seed: 300)
    static let shippoToken = FakeSecret.joined("ship", "po_live_", FakeSecret.random(40, from: hex, seed: 301))
    static let easypostKey = FakeSecret.joined("EZ", "AK", FakeSecret.random(54, from: FakeSecret.alphanumeric, seed: 302))
    static let duffelToken = FakeSecret.joined("duffel", "_live_", FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 303))
    static let flutterwaveKey = FakeSecret.joined("FLW", "SECK-", FakeSecret.random(32, from: hex, seed: 304), "-X")
    static let gocardlessToken = FakeSecret.joined("live", "_", FakeSecret.random(40, from: FakeSecret.urlSafe, seed: 305))
    static let plaidToken = FakeSecret.joined(
        "access-", "production-", FakeSecret.random(8, from: hex, seed: 306), "-",
        FakeSecret.random(4, from: hex, seed: 307), "-", FakeSecret.random(4, from: hex, seed: 308), "-",
        FakeSecret.random(4, from: hex, seed: 309), "-", FakeSecret.random(12, from: hex, seed: 310))
    static let finicitySecret = FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 311)
    static let lobKey = FakeSecret.joined("live", "_", FakeSecret.random(35, from: hex, seed: 312))
    static let coinbaseSecret = FakeSecret.random(64, from: FakeSecret.urlSafe, seed: 313)
    static let krakenSecret = FakeSecret.joined(FakeSecret.random(86, from: FakeSecret.base64, seed: 314), "==")
    static let kucoinKey = FakeSecret.random(24, from: hex, seed: 315)
    static let bittrexKey = FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 316)
    static let squarespaceKey = FakeSecret.joined(
        FakeSecret.random(8, from: hex, seed: 317), "-", FakeSecret.random(4, from: hex, seed: 318), "-",
        FakeSecret.random(4, from: hex, seed: 319), "-", FakeSecret.random(4, from: hex, seed: 320), "-",
        FakeSecret.random(12, from: hex, seed: 321))
    static let confluentSecret = FakeSecret.random(64, from: FakeSecret.base64, seed: 322)
    static let sendgridKey = FakeSecret.joined(
        "S", "G.", FakeSecret.random(22, from: FakeSecret.urlSafe, seed: 323), ".",
        FakeSecret.random(43, from: FakeSecret.urlSafe, seed: 324))
    static let brevoKey = FakeSecret.joined(
        "xkey", "sib-", FakeSecret.random(64, from: hex, seed: 325), "-",
        FakeSecret.random(16, from: FakeSecret.alphanumeric, seed: 326))
    static let mailgunKey = FakeSecret.joined("ke", "y-", FakeSecret.random(32, from: hex, seed: 327))
    static let mailgunSigningKey = FakeSecret.joined(
        FakeSecret.random(32, from: hex, seed: 328), "-", FakeSecret.random(8, from: hex, seed: 329), "-",
        FakeSecret.random(8, from: hex, seed: 330))
    static let mailchimpKey = FakeSecret.joined(FakeSecret.random(32, from: hex, seed: 331), "-us", "14")
    static let twilioKeySID = FakeSecret.joined("S", "K", FakeSecret.random(32, from: hex, seed: 332))
    static let twilioToken = FakeSecret.random(32, from: hex, seed: 333)
    static let vonageSecret = FakeSecret.random(16, from: FakeSecret.alphanumeric, seed: 334)
    static let mapboxToken = FakeSecret.joined(
        "sk", ".eyJ", FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 335), ".",
        FakeSecret.random(22, from: FakeSecret.urlSafe, seed: 336))
    static let facebookToken = FakeSecret.joined("EA", "AG", FakeSecret.random(180, from: FakeSecret.alphanumeric, seed: 337))
    static let facebookSecret = FakeSecret.random(32, from: hex, seed: 338)
    static let twitterBearer = FakeSecret.joined(
        "AAAAAAAAAAA", "AAAAAAAAAAA", FakeSecret.random(90, from: FakeSecret.alphanumeric, seed: 339))
    static let twitterSecret = FakeSecret.random(50, from: FakeSecret.alphanumeric, seed: 340)
    static let jwtBase64 = FakeSecret.joined("ZXl", "KaGJHY2lPaU", FakeSecret.random(120, from: FakeSecret.base64, seed: 341))
    static let connectionPassword = FakeSecret.random(18, from: FakeSecret.alphanumeric, seed: 342)
    static let queryPassword = FakeSecret.random(18, from: FakeSecret.alphanumeric, seed: 343)
    static let curlToken = FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 344)
    static let curlPassword = FakeSecret.random(18, from: FakeSecret.alphanumeric, seed: 345)
    static let dropboxToken = FakeSecret.joined("sl", ".", FakeSecret.random(140, from: FakeSecret.urlSafe, seed: 346))
    static let awsSecretDefault = FakeSecret.random(40, from: FakeSecret.base64, seed: 347)
    static let intra42Secret = FakeSecret.joined("s-s4t2", "ud-", FakeSecret.random(64, from: hex, seed: 348))

    static let positives: [PositiveExample] = [
        PositiveExample("github-token", "GITHUB_TOKEN=\(githubToken)", flagged: githubToken),
        PositiveExample("github-token", "  token: \"\(githubServerToken)\"", flagged: githubServerToken),
        PositiveExample("github-token", "GH_TOKEN=\(githubStatelessToken) # app token", flagged: githubStatelessToken),
        PositiveExample("github-fine-grained-token", "gh auth login --with-token \(githubFineGrained)", flagged: githubFineGrained),
        PositiveExample("aws-access-key-id", "aws_access_key_id = \(awsKeyID)", flagged: awsKeyID),
        PositiveExample("aws-secret-access-key", "aws_secret_access_key = \(awsSecret)", flagged: awsSecret),
        PositiveExample("slack-token", "SLACK_BOT_TOKEN: '\(slackToken)'", flagged: slackToken),
        PositiveExample("slack-webhook-url", "curl -X POST \(slackWebhook) -d @payload.json", flagged: slackWebhook),
        PositiveExample("google-api-key", "const key = \"\(googleKey)\";", flagged: googleKey),
        PositiveExample("stripe-key", "Stripe.apiKey = \(stripeKey)", flagged: stripeKey),
        PositiveExample(
            "private-key-block", FakeSecret.joined("-----BEGIN ", "RSA PRIVATE KEY-----\n", keyBody, "\n-----END RSA PRIVATE KEY-----"),
            flagged: FakeSecret.joined("-----BEGIN ", "RSA PRIVATE KEY-----"), hidden: keyBody),
        PositiveExample("json-web-token", "Authorization: Bearer \(jwt)", flagged: jwt),
        PositiveExample("npm-token", "//registry.npmjs.org/:_authToken=\(npmToken)", flagged: npmToken),
        PositiveExample("pypi-token", "password = \(pypiToken)", flagged: pypiToken),
        PositiveExample("gitlab-token", "git clone https://oauth2:\(gitlabToken)@gitlab.com/group/project.git", flagged: gitlabToken),
        PositiveExample("azure-storage-account-key", "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=\(azureAccountKey);EndpointSuffix=core.windows.net", flagged: azureAccountKey),
        PositiveExample("azure-shared-access-key", "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=\(azureSharedKey)", flagged: azureSharedKey),
        PositiveExample("azure-sas-token", "https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-06-01T00:00:00Z&spr=https&sig=\(azureSAS)", flagged: azureSAS),
        PositiveExample("azure-ad-client-secret", "AZURE_CLIENT_SECRET=\(azureClientSecret)", flagged: azureClientSecret),
        PositiveExample("alibaba-access-key-id", "ALIBABA_CLOUD_ACCESS_KEY_ID: \(alibabaKeyID)", flagged: alibabaKeyID),
        PositiveExample("alibaba-secret-key", "alibaba_cloud_access_key_secret = \(alibabaSecret)", flagged: alibabaSecret),
        PositiveExample("aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK=\(bedrockKey)", flagged: bedrockKey),
        PositiveExample("amazon-mws-auth-token", "MWS_AUTH_TOKEN=\(mwsToken)", flagged: mwsToken),
        PositiveExample("digitalocean-token", "export DIGITALOCEAN_ACCESS_TOKEN=\(digitaloceanToken)", flagged: digitaloceanToken),
        PositiveExample("google-oauth-client-secret", "\"client_secret\": \"\(googleClientSecret)\",", flagged: googleClientSecret),
        PositiveExample("google-oauth-access-token", "Authorization: Bearer \(googleAccessToken)", flagged: googleAccessToken),
        PositiveExample("heroku-api-key", "HEROKU_API_KEY=\(herokuKey)", flagged: herokuKey),
        PositiveExample("heroku-api-key-legacy", "heroku_api_key: \(herokuLegacyKey)", flagged: herokuLegacyKey),
        PositiveExample("ibm-cloud-api-key", "IBM_CLOUD_API_KEY=\(ibmKey)", flagged: ibmKey),
        PositiveExample("fly-io-token", "FLY_API_TOKEN=\(flyToken)", flagged: flyToken),
        PositiveExample("cloudflare-origin-ca-key", "origin_ca_key = \(cloudflareOriginKey)", flagged: cloudflareOriginKey),
        PositiveExample("cloudflare-api-key", "CLOUDFLARE_API_TOKEN=\"\(cloudflareToken)\"", flagged: cloudflareToken),
        PositiveExample("clickhouse-cloud-api-secret", "CLICKHOUSE_KEY_SECRET=\(clickhouseSecret)", flagged: clickhouseSecret),
        PositiveExample("databricks-api-token", "DATABRICKS_TOKEN=\(databricksToken)", flagged: databricksToken),
        PositiveExample("openshift-user-token", "oc login --token=\(openshiftToken) --server=https://api.cluster.test:6443", flagged: openshiftToken),
        PositiveExample("planetscale-token", "PLANETSCALE_SERVICE_TOKEN=\(planetscaleToken)", flagged: planetscaleToken),
        PositiveExample("scalingo-api-token", "SCALINGO_API_TOKEN=\(scalingoToken)", flagged: scalingoToken),
        PositiveExample("yandex-api-key", "YC_API_KEY=\(yandexKey)", flagged: yandexKey),
        PositiveExample("yandex-token", "yandex_secret_key: \(yandexStaticKey)", flagged: yandexStaticKey),
        PositiveExample("discord-webhook-url", "DISCORD_WEBHOOK_URL=\(discordWebhook)", flagged: discordWebhook),
        PositiveExample("discord-bot-token", "DISCORD_BOT_TOKEN=\(discordBotToken)", flagged: discordBotToken),
        PositiveExample("discord-client-secret", "discord_client_secret = \"\(discordClientSecret)\"", flagged: discordClientSecret),
        PositiveExample("microsoft-teams-webhook", "teams_webhook: \(teamsWebhook)", flagged: teamsWebhook),
        PositiveExample("azure-logic-app-webhook", "TEAMS_WORKFLOW_URL=https://prod-27.westeurope.logic.azure.com:443/workflows/0f1e2d3c4b5a69788796a5b4c3d2e1f0/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=\(logicAppSig)", flagged: logicAppSig),
        PositiveExample("google-chat-webhook", "GOOGLE_CHAT_WEBHOOK: \"\(googleChatWebhook)\"", flagged: googleChatWebhook),
        PositiveExample("slack-app-token", "SLACK_APP_TOKEN=\(slackAppToken)", flagged: slackAppToken),
        PositiveExample("telegram-bot-token", "TELEGRAM_BOT_TOKEN=\(telegramToken)", flagged: telegramToken),
        PositiveExample("mattermost-access-token", "MATTERMOST_TOKEN=\(mattermostToken)", flagged: mattermostToken),
        PositiveExample("gitter-access-token", "gitter_token: \(gitterToken)", flagged: gitterToken),
        PositiveExample("intercom-api-key", "INTERCOM_ACCESS_TOKEN=\(intercomToken)", flagged: intercomToken),
        PositiveExample("sendbird-access-token", "SENDBIRD_API_TOKEN=\(sendbirdToken)", flagged: sendbirdToken),
        PositiveExample("messagebird-api-key", "MESSAGEBIRD_ACCESS_KEY=\(messagebirdKey)", flagged: messagebirdKey),
        PositiveExample("zendesk-secret-key", "ZENDESK_API_TOKEN=\(zendeskToken)", flagged: zendeskToken),
        PositiveExample("notion-api-token", "NOTION_TOKEN=\(notionToken)", flagged: notionToken),
        PositiveExample("linear-api-key", "LINEAR_API_KEY=\(linearKey)", flagged: linearKey),
        PositiveExample("linear-client-secret", "LINEAR_CLIENT_SECRET=\(linearSecret)", flagged: linearSecret),
        PositiveExample("asana-personal-access-token", "ASANA_PAT=\(asanaToken)", flagged: asanaToken),
        PositiveExample("asana-client-secret", "asana_client_secret: \(asanaSecret)", flagged: asanaSecret),
        PositiveExample("atlassian-api-token", "JIRA_API_TOKEN=\(atlassianToken)", flagged: atlassianToken),
        PositiveExample("atlassian-api-token-legacy", "confluence_api_token: \(atlassianLegacyToken)", flagged: atlassianLegacyToken),
        PositiveExample("bitbucket-client-secret", "BITBUCKET_CLIENT_SECRET=\(bitbucketSecret)", flagged: bitbucketSecret),
        PositiveExample("typeform-api-token", "TYPEFORM_TOKEN=\(typeformToken)", flagged: typeformToken),
        PositiveExample("hubspot-private-app-token", "HUBSPOT_ACCESS_TOKEN=\(hubspotToken)", flagged: hubspotToken),
        PositiveExample("hubspot-api-key", "hubspot_api_key = \"\(hubspotKey)\"", flagged: hubspotKey),
        PositiveExample("launchdarkly-access-token", "LAUNCHDARKLY_SDK_KEY=\(launchdarklyKey)", flagged: launchdarklyKey),
        PositiveExample("sentry-token", "SENTRY_AUTH_TOKEN=\(sentryUserToken)", flagged: sentryUserToken),
        PositiveExample("sentry-access-token", "sentry_auth_token: \(sentryHexToken)", flagged: sentryHexToken),
        PositiveExample("sourcegraph-access-token", "SRC_ACCESS_TOKEN=\(sourcegraphToken)", flagged: sourcegraphToken),
        PositiveExample("sonarqube-token", "SONAR_TOKEN=\(sonarToken)", flagged: sonarToken),
        PositiveExample("sonarqube-token-legacy", "sonar.login=\(sonarLegacyToken)", flagged: sonarLegacyToken),
        PositiveExample("snyk-api-token", "SNYK_TOKEN=\(snykToken)", flagged: snykToken),
        PositiveExample("codecov-access-token", "CODECOV_TOKEN=\(codecovToken)", flagged: codecovToken),
        PositiveExample("travisci-access-token", "TRAVIS_API_TOKEN=\(travisToken)", flagged: travisToken),
        PositiveExample("droneci-access-token", "DRONE_TOKEN=\(droneToken)", flagged: droneToken),
        PositiveExample("harness-api-key", "HARNESS_API_KEY=\(harnessToken)", flagged: harnessToken),
        PositiveExample("octopus-deploy-api-key", "OCTOPUS_API_KEY=\(octopusKey)", flagged: octopusKey),
        PositiveExample("infracost-api-token", "INFRACOST_API_KEY=\(infracostToken)", flagged: infracostToken),
        PositiveExample("prefect-api-token", "PREFECT_API_KEY=\(prefectKey)", flagged: prefectKey),
        PositiveExample("pulumi-access-token", "PULUMI_ACCESS_TOKEN=\(pulumiToken)", flagged: pulumiToken),
        PositiveExample("doppler-token", "DOPPLER_TOKEN=\(dopplerToken)", flagged: dopplerToken),
        PositiveExample("hashicorp-vault-token", "VAULT_TOKEN=\(vaultToken)", flagged: vaultToken),
        PositiveExample("hashicorp-vault-token-legacy", "vault_token: \(vaultLegacyToken)", flagged: vaultLegacyToken),
        PositiveExample("hashicorp-terraform-token", "token = \"\(terraformToken)\"", flagged: terraformToken),
        PositiveExample("grafana-token", "GRAFANA_SERVICE_ACCOUNT_TOKEN=\(grafanaToken)", flagged: grafanaToken),
        PositiveExample("dynatrace-api-token", "DT_API_TOKEN=\(dynatraceToken)", flagged: dynatraceToken),
        PositiveExample("new-relic-key", "NEW_RELIC_API_KEY=\(newRelicKey)", flagged: newRelicKey),
        PositiveExample("datadog-api-key", "DD_API_KEY=\(datadogKey)", flagged: datadogKey),
        PositiveExample("sumologic-access-token", "SUMO_ACCESS_KEY=\(sumoKey)", flagged: sumoKey),
        PositiveExample("fastly-api-token", "FASTLY_API_TOKEN=\(fastlyToken)", flagged: fastlyToken),
        PositiveExample("netlify-access-token", "NETLIFY_AUTH_TOKEN=\(netlifyToken)", flagged: netlifyToken),
        PositiveExample("netlify-access-token-legacy", "netlify_auth_token: \(netlifyLegacyToken)", flagged: netlifyLegacyToken),
        PositiveExample("cisco-meraki-api-key", "MERAKI_DASHBOARD_API_KEY=\(merakiKey)", flagged: merakiKey),
        PositiveExample("okta-access-token", "OKTA_API_TOKEN=\(oktaToken)", flagged: oktaToken),
        PositiveExample("authress-service-key", "AUTHRESS_KEY=\(authressKey)", flagged: authressKey),
        PositiveExample("onepassword-secret-key", "Secret Key: \(onePasswordSecretKey)", flagged: onePasswordSecretKey),
        PositiveExample("onepassword-service-account-token", "OP_SERVICE_ACCOUNT_TOKEN=\(onePasswordServiceToken)", flagged: onePasswordServiceToken),
        PositiveExample("age-secret-key", "# secret: \(ageKey)", flagged: ageKey),
        PositiveExample("maxmind-license-key", "MAXMIND_LICENSE_KEY=\(maxmindKey)", flagged: maxmindKey),
        PositiveExample("adafruit-io-key", "ADAFRUIT_IO_KEY=\(adafruitIOKey)", flagged: adafruitIOKey),
        PositiveExample("airtable-api-key", "AIRTABLE_TOKEN=\(airtableToken)", flagged: airtableToken),
        PositiveExample("algolia-api-key", "ALGOLIA_ADMIN_KEY=\(algoliaKey)", flagged: algoliaKey),
        PositiveExample("contentful-personal-access-token", "CONTENTFUL_MANAGEMENT_TOKEN=\(contentfulPAT)", flagged: contentfulPAT),
        PositiveExample("contentful-delivery-api-token", "contentful_delivery_token: \(contentfulToken)", flagged: contentfulToken),
        PositiveExample("readme-api-token", "README_API_KEY=\(readmeToken)", flagged: readmeToken),
        PositiveExample("frameio-api-token", "FRAMEIO_TOKEN=\(frameioToken)", flagged: frameioToken),
        PositiveExample("postman-api-token", "POSTMAN_API_KEY=\(postmanKey)", flagged: postmanKey),
        PositiveExample("rapidapi-access-token", "X-RapidAPI-Key: \(rapidapiKey)", flagged: rapidapiKey),
        PositiveExample("privateai-api-token", "PRIVATE_AI_API_KEY=\(privateAIKey)", flagged: privateAIKey),
        PositiveExample("settlemint-token", "SETTLEMINT_ACCESS_TOKEN=\(settlemintToken)", flagged: settlemintToken),
        PositiveExample("beamer-api-token", "BEAMER_API_KEY=\(beamerKey)", flagged: beamerKey),
        PositiveExample("defined-networking-api-token", "DN_API_KEY=\(dnKey)", flagged: dnKey),
        PositiveExample("adobe-client-secret", "ADOBE_CLIENT_SECRET=\(adobeSecret)", flagged: adobeSecret),
        PositiveExample("looker-client-secret", "LOOKERSDK_CLIENT_SECRET=\(lookerSecret)", flagged: lookerSecret),
        PositiveExample("linkedin-client-secret", "LINKEDIN_CLIENT_SECRET=\(linkedinSecret)", flagged: linkedinSecret),
        PositiveExample("nytimes-access-token", "NYTIMES_API_KEY=\(nytimesKey)", flagged: nytimesKey),
        PositiveExample("twitch-api-token", "TWITCH_CLIENT_SECRET=\(twitchSecret)", flagged: twitchSecret),
        PositiveExample("etsy-access-token", "ETSY_API_KEY=\(etsyKey)", flagged: etsyKey),
        PositiveExample("flickr-access-token", "FLICKR_API_KEY=\(flickrKey)", flagged: flickrKey),
        PositiveExample("freshbooks-access-token", "FRESHBOOKS_ACCESS_TOKEN=\(freshbooksToken)", flagged: freshbooksToken),
        PositiveExample("cohere-api-token", "CO_API_KEY=\(cohereKey)", flagged: cohereKey),
        PositiveExample("finnhub-access-token", "FINNHUB_API_KEY=\(finnhubKey)", flagged: finnhubKey),
        PositiveExample("adafruit-api-key", "ADAFRUIT_IO_KEY=\(adafruitLegacyKey)", flagged: adafruitLegacyKey),
        PositiveExample("openai-api-key", "OPENAI_API_KEY=\(openaiKey)", flagged: openaiKey),
        PositiveExample("anthropic-api-key", "ANTHROPIC_API_KEY=\(anthropicKey)", flagged: anthropicKey),
        PositiveExample("huggingface-access-token", "HF_TOKEN=\(huggingfaceToken)", flagged: huggingfaceToken),
        PositiveExample("perplexity-api-key", "PERPLEXITY_API_KEY=\(perplexityKey)", flagged: perplexityKey),
        PositiveExample("gitlab-service-token", "runner_token: \(gitlabRunnerToken)", flagged: gitlabRunnerToken),
        PositiveExample("gitlab-session-cookie", "Cookie: _gitlab_session=\(gitlabSession)", flagged: gitlabSession),
        PositiveExample("rubygems-api-token", "GEM_HOST_API_KEY=\(rubygemsKey)", flagged: rubygemsKey),
        PositiveExample("clojars-api-token", "CLOJARS_PASSWORD=\(clojarsToken)", flagged: clojarsToken),
        PositiveExample("artifactory-api-key", "ARTIFACTORY_API_KEY=\(artifactoryKey)", flagged: artifactoryKey),
        PositiveExample("jfrog-access-token", "JFROG_ACCESS_TOKEN=\(jfrogToken)", flagged: jfrogToken),
        PositiveExample("nuget-config-password", "<add key=\"ClearTextPassword\" value=\"\(nugetPassword)\" />", flagged: nugetPassword),
        PositiveExample("sidekiq-secret", "BUNDLE_GEMS__CONTRIBSYS__COM=\(sidekiqCredentials)", flagged: sidekiqCredentials),
        PositiveExample("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET=\(stripeWebhookSecret)", flagged: stripeWebhookSecret),
        PositiveExample("shopify-token", "SHOPIFY_ACCESS_TOKEN=\(shopifyToken)", flagged: shopifyToken),
        PositiveExample("square-access-token", "SQUARE_ACCESS_TOKEN=\(squareToken)", flagged: squareToken),
        PositiveExample("braintree-access-token", "BRAINTREE_ACCESS_TOKEN=\(braintreeToken)", flagged: braintreeToken),
        PositiveExample("paypal-client-secret", "PAYPAL_CLIENT_SECRET=\(paypalSecret)", flagged: paypalSecret),
        PositiveExample("shippo-api-token", "SHIPPO_API_KEY=\(shippoToken)", flagged: shippoToken),
        PositiveExample("easypost-api-token", "EASYPOST_API_KEY=\(easypostKey)", flagged: easypostKey),
        PositiveExample("duffel-api-token", "DUFFEL_ACCESS_TOKEN=\(duffelToken)", flagged: duffelToken),
        PositiveExample("flutterwave-key", "FLW_SECRET_KEY=\(flutterwaveKey)", flagged: flutterwaveKey),
        PositiveExample("gocardless-api-token", "GOCARDLESS_ACCESS_TOKEN=\(gocardlessToken)", flagged: gocardlessToken),
        PositiveExample("plaid-api-token", "PLAID_ACCESS_TOKEN=\(plaidToken)", flagged: plaidToken),
        PositiveExample("finicity-client-secret", "FINICITY_PARTNER_SECRET=\(finicitySecret)", flagged: finicitySecret),
        PositiveExample("lob-api-key", "LOB_API_KEY=\(lobKey)", flagged: lobKey),
        PositiveExample("coinbase-access-token", "COINBASE_API_SECRET=\(coinbaseSecret)", flagged: coinbaseSecret),
        PositiveExample("kraken-access-token", "KRAKEN_PRIVATE_KEY=\(krakenSecret)", flagged: krakenSecret),
        PositiveExample("kucoin-access-token", "KUCOIN_API_KEY=\(kucoinKey)", flagged: kucoinKey),
        PositiveExample("bittrex-access-key", "BITTREX_API_KEY=\(bittrexKey)", flagged: bittrexKey),
        PositiveExample("squarespace-access-token", "SQUARESPACE_API_KEY=\(squarespaceKey)", flagged: squarespaceKey),
        PositiveExample("confluent-secret-key", "CONFLUENT_CLOUD_API_SECRET=\(confluentSecret)", flagged: confluentSecret),
        PositiveExample("sendgrid-api-key", "SENDGRID_API_KEY=\(sendgridKey)", flagged: sendgridKey),
        PositiveExample("sendinblue-api-key", "BREVO_API_KEY=\(brevoKey)", flagged: brevoKey),
        PositiveExample("mailgun-api-key", "MAILGUN_API_KEY=\(mailgunKey)", flagged: mailgunKey),
        PositiveExample("mailgun-signing-key", "MAILGUN_WEBHOOK_SIGNING_KEY=\(mailgunSigningKey)", flagged: mailgunSigningKey),
        PositiveExample("mailchimp-api-key", "MAILCHIMP_API_KEY=\(mailchimpKey)", flagged: mailchimpKey),
        PositiveExample("twilio-api-key", "TWILIO_API_KEY=\(twilioKeySID)", flagged: twilioKeySID),
        PositiveExample("twilio-auth-token", "TWILIO_AUTH_TOKEN=\(twilioToken)", flagged: twilioToken),
        PositiveExample("vonage-api-secret", "VONAGE_API_SECRET=\(vonageSecret)", flagged: vonageSecret),
        PositiveExample("mapbox-secret-token", "MAPBOX_DOWNLOADS_TOKEN=\(mapboxToken)", flagged: mapboxToken),
        PositiveExample("facebook-access-token", "FB_PAGE_ACCESS_TOKEN=\(facebookToken)", flagged: facebookToken),
        PositiveExample("facebook-app-secret", "FACEBOOK_APP_SECRET=\(facebookSecret)", flagged: facebookSecret),
        PositiveExample("twitter-bearer-token", "TWITTER_BEARER_TOKEN=\(twitterBearer)", flagged: twitterBearer),
        PositiveExample("twitter-api-secret", "TWITTER_API_SECRET=\(twitterSecret)", flagged: twitterSecret),
        PositiveExample("json-web-token-base64", "token_b64: \(jwtBase64)", flagged: jwtBase64),
        PositiveExample("connection-string-password", "Server=db.acme.test;Database=orders;User Id=app;Password=\(connectionPassword);", flagged: connectionPassword),
        PositiveExample("url-query-password", "jdbc:mysql://db.acme.test:3306/orders?user=app&password=\(queryPassword)", flagged: queryPassword),
        PositiveExample("curl-auth-header", "curl -s -H \"Authorization: Bearer \(curlToken)\" https://api.acme.test/v1/me", flagged: curlToken),
        PositiveExample("curl-basic-auth", "curl -u deploy:\(curlPassword) https://repo.acme.test/upload", flagged: curlPassword),
        PositiveExample("dropbox-access-token", "DROPBOX_ACCESS_TOKEN=\(dropboxToken)", flagged: dropboxToken),
        PositiveExample("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY = os.environ.get(\"AWS_SECRET_ACCESS_KEY\", \"\(awsSecretDefault)\")", flagged: awsSecretDefault),
        PositiveExample("intra42-client-secret", "FT_CLIENT_SECRET=\(intra42Secret)", flagged: intra42Secret),
        PositiveExample("url-credentials", "DATABASE_URL=postgres://deploy:\(urlPassword)@db.prod.net:5432/app", flagged: urlPassword),
        PositiveExample("generic-secret-quoted", "db_password = \"\(quotedPassword)\"", flagged: quotedPassword),
        PositiveExample("generic-secret-quoted", "{\"client_secret\": \"\(quotedPassword)\"}", flagged: quotedPassword),
        PositiveExample("generic-secret-unquoted", "export API_TOKEN=\(unquotedToken)", flagged: unquotedToken),
        PositiveExample("private-home-path", "see /home/alice/projects/notes.md", flagged: "alice"),
        PositiveExample("private-home-path", "open(\"/Users/j.doe/Library/Preferences\")", flagged: "j.doe"),
        PositiveExample("private-windows-home-path", #"copy C:\Users\alice.smith\AppData\Local\x.log"#, flagged: "alice.smith"),
        PositiveExample("private-windows-home-path", #""C:\\Users\\marek\\Desktop\\plan.docx""#, flagged: "marek"),
        PositiveExample("internal-marker", "Status: INTERNAL ONLY, do not distribute", flagged: "INTERNAL ONLY"),
        PositiveExample("internal-marker", "<!-- internal --> roadmap notes", flagged: "<!-- internal -->"),
        PositiveExample("internal-marker", "Classification: Confidential", flagged: "Confidential"),
    ]

    static let negatives: [NegativeExample] = [
        NegativeExample("github-token", FakeSecret.joined("gh", "p_", FakeSecret.random(20)), "too short"),
        NegativeExample("github-token", FakeSecret.joined("gh", "p_", String(repeating: "x", count: 36)), "placeholder"),
        NegativeExample("github-token", FakeSecret.joined("gh", "x_", FakeSecret.random(36)), "unknown prefix"),
        NegativeExample("github-token", FakeSecret.joined("my", "ghp_", FakeSecret.random(36)), "inside a longer word"),
        NegativeExample("github-fine-grained-token", FakeSecret.joined("github_", "pat_", FakeSecret.random(40)), "wrong shape"),
        NegativeExample("aws-access-key-id", FakeSecret.joined("AK", "IAIOSFODNN7", "EXAMPLE"), "AWS documentation example"),
        NegativeExample("aws-access-key-id", FakeSecret.joined("AK", "IA", FakeSecret.random(15, from: FakeSecret.upperAlphanumeric)), "too short"),
        NegativeExample("aws-access-key-id", FakeSecret.joined("AK", "IA", String(repeating: "A", count: 16)), "low entropy"),
        NegativeExample("aws-secret-access-key", "aws_secret_access_key = \(String(repeating: "ab", count: 20))", "low entropy"),
        NegativeExample("aws-secret-access-key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY\("EXAMPLE")KEY", "AWS documentation example"),
        NegativeExample("slack-token", FakeSecret.joined("xo", "xb-your-token-here"), "placeholder"),
        NegativeExample("slack-webhook-url", "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX", "placeholder"),
        NegativeExample("slack-webhook-url", "see https://hooks.slack.com/ for details", "no path"),
        NegativeExample("google-api-key", FakeSecret.joined("AI", "za", FakeSecret.random(20)), "too short"),
        NegativeExample("stripe-key", FakeSecret.joined("pk", "_live_", FakeSecret.random(24)), "publishable keys are public"),
        NegativeExample("stripe-key", FakeSecret.joined("sk", "_live_", String(repeating: "x", count: 24)), "placeholder"),
        NegativeExample("private-key-block", "-----BEGIN PUBLIC KEY-----", "public key"),
        NegativeExample("private-key-block", "-----BEGIN CERTIFICATE-----", "certificate"),
        NegativeExample("json-web-token", FakeSecret.joined("eyJ", FakeSecret.random(40)), "one segment"),
        NegativeExample("npm-token", "npm_config_cache=/tmp/npm", "configuration variable"),
        NegativeExample("pypi-token", FakeSecret.joined("pypi-", FakeSecret.random(60)), "no macaroon header"),
        NegativeExample("gitlab-token", FakeSecret.joined("gl", "pat-", String(repeating: "x", count: 20)), "placeholder"),
        NegativeExample("azure-storage-account-key", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;", "the storage emulator's published key"),
        NegativeExample("azure-shared-access-key", "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>", "placeholder"),
        NegativeExample("azure-sas-token", "https://acme.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=REDACTED", "redacted signature"),
        NegativeExample("azure-ad-client-secret", FakeSecret.joined(
            "AZURE_CLIENT_ID=", FakeSecret.random(8, from: hex, seed: 349), "-", FakeSecret.random(4, from: hex, seed: 350)), "a client id, not a secret"),
        NegativeExample("alibaba-access-key-id", FakeSecret.joined(
            "LT", "AI", FakeSecret.random(8, from: FakeSecret.alphanumeric, seed: 351)), "too short"),
        NegativeExample("alibaba-secret-key", FakeSecret.joined(
            "alibaba_region = ", FakeSecret.random(30, from: FakeSecret.alphanumeric, seed: 352)), "not a secret name"),
        NegativeExample("aws-bedrock-api-key", FakeSecret.joined("AB", "SK", FakeSecret.random(40, from: FakeSecret.base64, seed: 353)), "too short"),
        NegativeExample("amazon-mws-auth-token", FakeSecret.joined("amzn", ".mws.", FakeSecret.random(8, from: hex, seed: 354)), "no UUID"),
        NegativeExample("digitalocean-token", FakeSecret.joined("do", "p_v1_", FakeSecret.random(40, from: hex, seed: 355)), "too short"),
        NegativeExample("google-oauth-client-secret", FakeSecret.joined(
            "GOC", "SPX-", FakeSecret.random(12, from: FakeSecret.urlSafe, seed: 356)), "too short"),
        NegativeExample("google-oauth-access-token", "ya29.REDACTED", "redacted"),
        NegativeExample("heroku-api-key", FakeSecret.joined("HR", "KU-AA", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 357)), "too short"),
        NegativeExample("heroku-api-key-legacy", FakeSecret.joined(
            "HEROKU_APP_ID=", FakeSecret.random(8, from: hex, seed: 358), "-", FakeSecret.random(4, from: hex, seed: 359),
            "-", FakeSecret.random(4, from: hex, seed: 360), "-", FakeSecret.random(4, from: hex, seed: 361), "-",
            FakeSecret.random(12, from: hex, seed: 362)), "an app id, not a key"),
        NegativeExample("ibm-cloud-api-key", FakeSecret.joined(
            "IBM_CLOUD_REGION=", FakeSecret.random(44, from: FakeSecret.urlSafe, seed: 363)), "not a key name"),
        NegativeExample("fly-io-token", FakeSecret.joined("fo", "1_", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 364)), "too short"),
        NegativeExample("cloudflare-origin-ca-key", FakeSecret.joined("v1", ".0-", FakeSecret.random(24, from: hex, seed: 365)), "no key part"),
        NegativeExample("cloudflare-api-key", FakeSecret.joined(
            "CLOUDFLARE_ZONE_ID=", FakeSecret.random(32, from: hex, seed: 366)), "a zone id, not a key"),
        NegativeExample("clickhouse-cloud-api-secret", FakeSecret.joined(
            "4b", "1d", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 367)), "too short"),
        NegativeExample("databricks-api-token", FakeSecret.joined("da", "pi", FakeSecret.random(20, from: hex, seed: 368)), "too short"),
        NegativeExample("openshift-user-token", FakeSecret.joined(
            "sha256", "~", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 369)), "too short"),
        NegativeExample("planetscale-token", "pscale_tkn_changeme", "placeholder"),
        NegativeExample("scalingo-api-token", FakeSecret.joined(
            "tk-", "us-", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 370)), "too short"),
        NegativeExample("yandex-api-key", FakeSecret.joined("AQ", "VN", FakeSecret.random(10, from: FakeSecret.urlSafe, seed: 371)), "too short"),
        NegativeExample("yandex-token", FakeSecret.joined(
            "yandex_folder_id: b1g", FakeSecret.random(17, from: lowerAlphanumeric, seed: 372)), "a folder id"),
        NegativeExample("discord-webhook-url", "https://discord.com/api/webhooks/{id}/{token}", "template"),
        NegativeExample("discord-bot-token", FakeSecret.joined(
            "MT", FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 373), ".",
            FakeSecret.random(6, from: FakeSecret.urlSafe, seed: 374), ".",
            FakeSecret.random(38, from: FakeSecret.urlSafe, seed: 375)), "no Discord name on the line"),
        NegativeExample("discord-client-secret", FakeSecret.joined(
            "discord_client_id = \"", FakeSecret.random(18, from: digits, seed: 376), "\""), "a client id"),
        NegativeExample("microsoft-teams-webhook", "https://acme.webhook.office.com/webhookb2/...", "no path"),
        NegativeExample("azure-logic-app-webhook", "https://prod-27.westeurope.logic.azure.com/workflows/0f1e2d3c4b5a69788796a5b4c3d2e1f0/triggers/manual/paths/invoke", "no signature"),
        NegativeExample("google-chat-webhook", "https://chat.googleapis.com/v1/spaces/SPACE_ID/messages?key=KEY&token=TOKEN", "template"),
        NegativeExample("slack-app-token", FakeSecret.joined("xa", "pp-1-", FakeSecret.random(10, from: upperDigits, seed: 377)), "truncated"),
        NegativeExample("telegram-bot-token", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11", "Bot API documentation example"),
        NegativeExample("mattermost-access-token", FakeSecret.joined(
            "MATTERMOST_TEAM=", FakeSecret.random(26, from: lowerAlphanumeric, seed: 378)), "not a token name"),
        NegativeExample("gitter-access-token", FakeSecret.joined(
            "gitter_room: ", FakeSecret.random(40, from: lowerAlphanumeric, seed: 379)), "not a token name"),
        NegativeExample("intercom-api-key", FakeSecret.joined(
            "INTERCOM_ACCESS_TOKEN=", FakeSecret.random(30, from: FakeSecret.urlSafe, seed: 380)), "too short"),
        NegativeExample("sendbird-access-token", FakeSecret.joined(
            "SENDBIRD_APP_ID=", FakeSecret.random(40, from: hex, seed: 381)), "not a token name"),
        NegativeExample("messagebird-api-key", FakeSecret.joined(
            "MESSAGEBIRD_ORIGINATOR=", FakeSecret.random(25, from: FakeSecret.alphanumeric, seed: 382)), "not a key name"),
        NegativeExample("zendesk-secret-key", FakeSecret.joined(
            "ZENDESK_SUBDOMAIN=", FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 383)), "not a token name"),
        NegativeExample("notion-api-token", "secret_key_base: \"${SECRET_KEY_BASE}\"", "a name, not a token"),
        NegativeExample("linear-api-key", FakeSecret.joined(
            "lin", "_api_", FakeSecret.random(12, from: FakeSecret.alphanumeric, seed: 384)), "too short"),
        NegativeExample("linear-client-secret", FakeSecret.joined(
            "linear_layer_weights: ", FakeSecret.random(32, from: hex, seed: 385)), "not a secret name"),
        NegativeExample("asana-personal-access-token", FakeSecret.joined(
            "ASANA_PROJECT=", FakeSecret.random(16, from: digits, seed: 386)), "a project id"),
        NegativeExample("asana-client-secret", FakeSecret.joined("asana_client_id: ", FakeSecret.random(16, from: digits, seed: 387)), "a client id"),
        NegativeExample("atlassian-api-token", FakeSecret.joined(
            "ATA", "TT3", FakeSecret.random(40, from: FakeSecret.urlSafe, seed: 388)), "too short"),
        NegativeExample("atlassian-api-token-legacy", FakeSecret.joined(
            "jira_project_key: ", FakeSecret.random(24, from: FakeSecret.alphanumeric, seed: 389), "-1"), "wrong shape"),
        NegativeExample("bitbucket-client-secret", FakeSecret.joined(
            "BITBUCKET_CLIENT_ID=", FakeSecret.random(18, from: FakeSecret.alphanumeric, seed: 390)), "a client id"),
        NegativeExample("typeform-api-token", FakeSecret.joined("tf", "p_", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 391)), "too short"),
        NegativeExample("hubspot-private-app-token", FakeSecret.joined("pat", "-na1-", FakeSecret.random(8, from: hex, seed: 392)), "truncated"),
        NegativeExample("hubspot-api-key", FakeSecret.joined(
            "hubspot_portal_id = \"", FakeSecret.random(8, from: hex, seed: 393), "-",
            FakeSecret.random(4, from: hex, seed: 394), "-", FakeSecret.random(4, from: hex, seed: 395), "-",
            FakeSecret.random(4, from: hex, seed: 396), "-", FakeSecret.random(12, from: hex, seed: 397), "\""), "not a key name"),
        NegativeExample("launchdarkly-access-token", FakeSecret.joined(
            "LAUNCHDARKLY_PROJECT=", FakeSecret.random(12, from: lowerAlphanumeric, seed: 398)), "not a key"),
        NegativeExample("sentry-token", FakeSecret.joined("sntr", "yu_", FakeSecret.random(30, from: hex, seed: 399)), "too short"),
        NegativeExample("sentry-access-token", FakeSecret.joined("sentry_release: ", FakeSecret.random(64, from: hex, seed: 400)), "not a token name"),
        NegativeExample("sourcegraph-access-token", FakeSecret.joined("sg", "p_", FakeSecret.random(16, from: hex, seed: 401)), "truncated"),
        NegativeExample("sonarqube-token", FakeSecret.joined("sq", "p_", FakeSecret.random(20, from: hex, seed: 402)), "too short"),
        NegativeExample("sonarqube-token-legacy", FakeSecret.joined(
            "sonar.projectKey=", FakeSecret.random(40, from: hex, seed: 403)), "not a token name"),
        NegativeExample("snyk-api-token", FakeSecret.joined(
            "SNYK_ORG=", FakeSecret.random(8, from: hex, seed: 404), "-", FakeSecret.random(4, from: hex, seed: 405), "-",
            FakeSecret.random(4, from: hex, seed: 406), "-", FakeSecret.random(4, from: hex, seed: 407), "-",
            FakeSecret.random(12, from: hex, seed: 408)), "an organization id"),
        NegativeExample("codecov-access-token", FakeSecret.joined(
            "CODECOV_FLAGS=", FakeSecret.random(10, from: lowerAlphanumeric, seed: 409)), "not a token"),
        NegativeExample("travisci-access-token", FakeSecret.joined("TRAVIS_BUILD_ID=", FakeSecret.random(9, from: digits, seed: 410)), "a build id"),
        NegativeExample("droneci-access-token", "DRONE_SERVER=https://drone.acme.test", "a server URL"),
        NegativeExample("harness-api-key", FakeSecret.joined("import compat.", FakeSecret.random(22, from: lowerAlphanumeric, seed: 411)), "code"),
        NegativeExample("octopus-deploy-api-key", "API-VERSION-2024-01-01", "low entropy"),
        NegativeExample("infracost-api-token", FakeSecret.joined(
            "ic", "o-", FakeSecret.random(10, from: FakeSecret.alphanumeric, seed: 412)), "too short"),
        NegativeExample("prefect-api-token", FakeSecret.joined(
            "pn", "u_", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 413)), "too short"),
        NegativeExample("pulumi-access-token", FakeSecret.joined("pu", "l-", FakeSecret.random(20, from: hex, seed: 414)), "too short"),
        NegativeExample("doppler-token", FakeSecret.joined(
            "dp", ".st.", FakeSecret.random(12, from: FakeSecret.alphanumeric, seed: 415)), "too short"),
        NegativeExample("hashicorp-vault-token", FakeSecret.joined(
            "hv", "s.", FakeSecret.random(24, from: FakeSecret.urlSafe, seed: 416)), "too short"),
        NegativeExample("hashicorp-vault-token-legacy", "vault_addr: https://vault.acme.test", "an address"),
        NegativeExample("hashicorp-terraform-token", FakeSecret.joined(
            FakeSecret.random(14, from: FakeSecret.alphanumeric, seed: 417), ".atlas", "v1.",
            FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 418)), "too short"),
        NegativeExample("grafana-token", FakeSecret.joined(
            "gl", "sa_", FakeSecret.random(32, from: FakeSecret.alphanumeric, seed: 419)), "truncated"),
        NegativeExample("dynatrace-api-token", FakeSecret.joined("dt0", "c01.", FakeSecret.random(24, from: upperDigits, seed: 420)), "truncated"),
        NegativeExample("new-relic-key", FakeSecret.joined("NR", "AK-", FakeSecret.random(10, from: upperDigits, seed: 421)), "too short"),
        NegativeExample("datadog-api-key", "DD_SITE=datadoghq.eu", "not a key"),
        NegativeExample("sumologic-access-token", "SUMO_ENDPOINT=https://api.sumologic.test", "an endpoint"),
        NegativeExample("fastly-api-token", FakeSecret.joined(
            "FASTLY_SERVICE_ID=", FakeSecret.random(22, from: FakeSecret.alphanumeric, seed: 422)), "a service id"),
        NegativeExample("netlify-access-token", FakeSecret.joined(
            "nf", "p_", FakeSecret.random(12, from: FakeSecret.alphanumeric, seed: 423)), "too short"),
        NegativeExample("netlify-access-token-legacy", FakeSecret.joined(
            "netlify_site_id: ", FakeSecret.random(8, from: hex, seed: 424), "-", FakeSecret.random(4, from: hex, seed: 425),
            "-", FakeSecret.random(4, from: hex, seed: 426), "-", FakeSecret.random(4, from: hex, seed: 427), "-",
            FakeSecret.random(12, from: hex, seed: 428)), "a site id"),
        NegativeExample("cisco-meraki-api-key", FakeSecret.joined("MERAKI_ORG_ID=", FakeSecret.random(6, from: digits, seed: 429)), "an organization id"),
        NegativeExample("okta-access-token", "OKTA_DOMAIN=acme.okta.test", "a domain"),
        NegativeExample("authress-service-key", FakeSecret.joined(
            "sc", "_", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 430), ".",
            FakeSecret.random(5, from: lowerAlphanumeric, seed: 431)), "truncated"),
        NegativeExample("onepassword-secret-key", "hash: sha3-256", "algorithm name"),
        NegativeExample("onepassword-service-account-token", FakeSecret.joined(
            "ops", "_eyJ", FakeSecret.random(40, from: FakeSecret.base64, seed: 432)), "too short"),
        NegativeExample("age-secret-key", FakeSecret.joined("AGE-SECRET", "-KEY-1", FakeSecret.random(20, from: bech32, seed: 433)), "too short"),
        NegativeExample("maxmind-license-key", FakeSecret.joined("geoip_", "mmk"), "too short"),
        NegativeExample("adafruit-io-key", FakeSecret.joined(
            "ai", "o_", FakeSecret.random(10, from: FakeSecret.alphanumeric, seed: 434)), "too short"),
        NegativeExample("airtable-api-key", FakeSecret.joined(
            "AIRTABLE_BASE_ID=app", FakeSecret.random(14, from: FakeSecret.alphanumeric, seed: 435)), "a base id"),
        NegativeExample("algolia-api-key", FakeSecret.joined(
            "ALGOLIA_APP_ID=", FakeSecret.random(10, from: upperDigits, seed: 436)), "an application id"),
        NegativeExample("contentful-personal-access-token", FakeSecret.joined(
            "CFP", "AT-", FakeSecret.random(12, from: FakeSecret.urlSafe, seed: 437)), "too short"),
        NegativeExample("contentful-delivery-api-token", FakeSecret.joined(
            "contentful_space_id: ", FakeSecret.random(12, from: lowerAlphanumeric, seed: 438)), "a space id"),
        NegativeExample("readme-api-token", FakeSecret.joined("rd", "me_", FakeSecret.random(20, from: lowerAlphanumeric, seed: 439)), "too short"),
        NegativeExample("frameio-api-token", FakeSecret.joined(
            "fio", "-u-", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 440)), "too short"),
        NegativeExample("postman-api-token", FakeSecret.joined("PM", "AK-", FakeSecret.random(24, from: hex, seed: 441)), "truncated"),
        NegativeExample("rapidapi-access-token", "X-RapidAPI-Host: weather.p.rapidapi.test", "a host"),
        NegativeExample("privateai-api-token", "PRIVATE_AI_URL=https://api.private-ai.test", "a URL"),
        NegativeExample("settlemint-token", FakeSecret.joined(
            "sm", "_pat_", FakeSecret.random(6, from: FakeSecret.alphanumeric, seed: 442)), "too short"),
        NegativeExample("beamer-api-token", FakeSecret.joined(
            "BEAMER_PRODUCT_ID=", FakeSecret.random(8, from: FakeSecret.alphanumeric, seed: 443)), "a product id"),
        NegativeExample("defined-networking-api-token", FakeSecret.joined(
            "dn", "key-", FakeSecret.random(26, from: FakeSecret.urlSafe, seed: 444)), "truncated"),
        NegativeExample("adobe-client-secret", FakeSecret.joined(
            "p8", "e-", FakeSecret.random(10, from: FakeSecret.alphanumeric, seed: 445)), "too short"),
        NegativeExample("looker-client-secret", FakeSecret.joined(
            "LOOKERSDK_CLIENT_ID=", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 446)), "a client id"),
        NegativeExample("linkedin-client-secret", FakeSecret.joined(
            "LINKEDIN_CLIENT_ID=", FakeSecret.random(14, from: lowerAlphanumeric, seed: 447)), "a client id"),
        NegativeExample("nytimes-access-token", "NYTIMES_SECTION=world", "not a key"),
        NegativeExample("twitch-api-token", FakeSecret.joined(
            "TWITCH_CHANNEL=", FakeSecret.random(12, from: lowerAlphanumeric, seed: 448)), "a channel"),
        NegativeExample("etsy-access-token", FakeSecret.joined("ETSY_SHOP_ID=", FakeSecret.random(8, from: digits, seed: 449)), "a shop id"),
        NegativeExample("flickr-access-token", FakeSecret.joined(
            "FLICKR_USER_ID=", FakeSecret.random(8, from: digits, seed: 450), "@N00"), "a user id"),
        NegativeExample("freshbooks-access-token", FakeSecret.joined(
            "FRESHBOOKS_ACCOUNT_ID=", FakeSecret.random(6, from: FakeSecret.alphanumeric, seed: 451)), "an account id"),
        NegativeExample("cohere-api-token", "COHERE_MODEL=command-r", "a model name"),
        NegativeExample("finnhub-access-token", "FINNHUB_SYMBOL=ACME", "not a key"),
        NegativeExample("adafruit-api-key", FakeSecret.joined(
            "ADAFRUIT_IO_USERNAME=", FakeSecret.random(10, from: lowerAlphanumeric, seed: 452)), "a user name"),
        NegativeExample("openai-api-key", FakeSecret.joined("sk-", "proj-", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 453)), "too short"),
        NegativeExample("anthropic-api-key", FakeSecret.joined(
            "sk-", "ant-api03-", FakeSecret.random(30, from: FakeSecret.urlSafe, seed: 454)), "too short"),
        NegativeExample("huggingface-access-token", "from huggingface_hub import hf_hub_download_with_retries_for_models", "code"),
        NegativeExample("perplexity-api-key", FakeSecret.joined(
            "pplx", "-", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 455)), "too short"),
        NegativeExample("gitlab-service-token", FakeSecret.joined(
            "gl", "rt-", FakeSecret.random(8, from: FakeSecret.urlSafe, seed: 456)), "too short"),
        NegativeExample("gitlab-session-cookie", FakeSecret.joined(
            "Cookie: _gitlab_session=", FakeSecret.random(16, from: lowerAlphanumeric, seed: 457)), "too short"),
        NegativeExample("rubygems-api-token", FakeSecret.joined("rubygems", "_", FakeSecret.random(20, from: hex, seed: 458)), "too short"),
        NegativeExample("clojars-api-token", FakeSecret.joined("CLOJARS", "_USERNAME=acme"), "a user name"),
        NegativeExample("artifactory-api-key", FakeSecret.joined(
            "AK", "Cp", FakeSecret.random(30, from: FakeSecret.alphanumeric, seed: 459)), "too short"),
        NegativeExample("jfrog-access-token", "JFROG_URL=https://acme.jfrog.test", "a URL"),
        NegativeExample("nuget-config-password", "<add key=\"ClearTextPassword\" value=\"%NUGET_PASSWORD%\" />", "variable reference"),
        NegativeExample("sidekiq-secret", "BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDENTIALS}", "variable reference"),
        NegativeExample("stripe-webhook-secret", FakeSecret.joined(
            "wh", "sec_", FakeSecret.random(10, from: FakeSecret.alphanumeric, seed: 460)), "too short"),
        NegativeExample("shopify-token", FakeSecret.joined("shp", "at_", FakeSecret.random(20, from: hex, seed: 461)), "too short"),
        NegativeExample("square-access-token", FakeSecret.joined(
            "EA", "AA", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 462)), "too short"),
        NegativeExample("braintree-access-token", FakeSecret.joined(
            "access_token", "$production$", FakeSecret.random(16, from: lowerAlphanumeric, seed: 463)), "truncated"),
        NegativeExample("paypal-client-secret", FakeSecret.joined(
            "PAYPAL_CLIENT_ID=", FakeSecret.random(30, from: FakeSecret.urlSafe, seed: 464)), "a client id"),
        NegativeExample("shippo-api-token", FakeSecret.joined("ship", "po_live_", FakeSecret.random(20, from: hex, seed: 465)), "too short"),
        NegativeExample("easypost-api-token", FakeSecret.joined(
            "EZ", "AK", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 466)), "too short"),
        NegativeExample("duffel-api-token", FakeSecret.joined(
            "duffel", "_live_", FakeSecret.random(20, from: FakeSecret.urlSafe, seed: 467)), "too short"),
        NegativeExample("flutterwave-key", FakeSecret.joined("FLW", "SECK-", FakeSecret.random(12, from: hex, seed: 468)), "truncated"),
        NegativeExample("gocardless-api-token", "GOCARDLESS_ENVIRONMENT=live", "not a token"),
        NegativeExample("plaid-api-token", "PLAID_ENV=production", "not a token"),
        NegativeExample("finicity-client-secret", FakeSecret.joined(
            "FINICITY_PARTNER_ID=", FakeSecret.random(13, from: digits, seed: 469)), "a partner id"),
        NegativeExample("lob-api-key", FakeSecret.joined("global_test_key = live_", FakeSecret.random(10, from: hex, seed: 470)), "too short"),
        NegativeExample("coinbase-access-token", FakeSecret.joined(
            "COINBASE_API_SECRET=", FakeSecret.random(30, from: FakeSecret.urlSafe, seed: 471)), "too short"),
        NegativeExample("kraken-access-token", FakeSecret.joined(
            "KRAKEN_PRIVATE_KEY=", FakeSecret.random(30, from: FakeSecret.base64, seed: 472)), "too short"),
        NegativeExample("kucoin-access-token", "KUCOIN_API_KEY_VERSION=2", "a version"),
        NegativeExample("bittrex-access-key", "BITTREX_MARKET=BTC-USD", "not a key"),
        NegativeExample("squarespace-access-token", FakeSecret.joined(
            "SQUARESPACE_SITE_ID=", FakeSecret.random(8, from: hex, seed: 473), "-",
            FakeSecret.random(4, from: hex, seed: 474), "-", FakeSecret.random(4, from: hex, seed: 475), "-",
            FakeSecret.random(4, from: hex, seed: 476), "-", FakeSecret.random(12, from: hex, seed: 477)), "a site id"),
        NegativeExample("confluent-secret-key", FakeSecret.joined(
            "CONFLUENT_CLOUD_API_KEY=", FakeSecret.random(16, from: upperDigits, seed: 478)), "a key id"),
        NegativeExample("sendgrid-api-key", "log(msg.SG_COUNT)", "code"),
        NegativeExample("sendinblue-api-key", FakeSecret.joined("xkey", "sib-", FakeSecret.random(30, from: hex, seed: 479)), "truncated"),
        NegativeExample("mailgun-api-key", "api-key-header: X-Api-Key", "a header name"),
        NegativeExample("mailgun-signing-key", "MAILGUN_DOMAIN=mg.acme.test", "a domain"),
        NegativeExample("mailchimp-api-key", "lang: en-us", "a locale"),
        NegativeExample("twilio-api-key", FakeSecret.joined("S", "K", FakeSecret.random(32, from: hex, seed: 480)), "no Twilio name on the line"),
        NegativeExample("twilio-auth-token", FakeSecret.joined("TWILIO_ACCOUNT_SID=AC", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"), "documentation placeholder"),
        NegativeExample("vonage-api-secret", FakeSecret.joined("VONAGE_API_KEY=", FakeSecret.random(8, from: hex, seed: 481)), "too short"),
        NegativeExample("mapbox-secret-token", FakeSecret.joined(
            "pk", ".eyJ", FakeSecret.random(60, from: FakeSecret.urlSafe, seed: 482), ".",
            FakeSecret.random(22, from: FakeSecret.urlSafe, seed: 483)), "public tokens are public"),
        NegativeExample("facebook-access-token", FakeSecret.joined(
            "EA", "AG", FakeSecret.random(40, from: FakeSecret.alphanumeric, seed: 484)), "too short"),
        NegativeExample("facebook-app-secret", FakeSecret.joined("FACEBOOK_APP_ID=", FakeSecret.random(15, from: digits, seed: 485)), "an app id"),
        NegativeExample("twitter-bearer-token", FakeSecret.joined(
            "AAAAAAAAAAA", "AAAAAAAAAAA", FakeSecret.random(20, from: FakeSecret.alphanumeric, seed: 486)), "too short"),
        NegativeExample("twitter-api-secret", "TWITTER_HANDLE=acme", "a handle"),
        NegativeExample("json-web-token-base64", FakeSecret.joined(
            "ZXl", "KaGJHY2lPaU", FakeSecret.random(20, from: FakeSecret.base64, seed: 487)), "too short"),
        NegativeExample("connection-string-password", "Server=db.acme.test;Database=orders;User Id=app;Password=${DB_PASSWORD};", "variable reference"),
        NegativeExample("url-query-password", "jdbc:mysql://db.acme.test:3306/orders?user=app&password=", "empty"),
        NegativeExample("curl-auth-header", "curl -H \"Authorization: Bearer $API_TOKEN\" https://api.acme.test/v1/me", "variable reference"),
        NegativeExample("curl-basic-auth", "curl -u \"deploy:$DEPLOY_PASSWORD\" https://repo.acme.test/upload", "variable reference"),
        NegativeExample("stripe-key", FakeSecret.joined("Stripe.api_key = \"sk", "_test_4eC39HqLyjWDarjtT1zdp7dc\""), "key printed in the Stripe API documentation"),
        NegativeExample("json-web-token", FakeSecret.joined(
            "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
            ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ",
            ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"), "the JWT debugger sample token"),
        NegativeExample("telegram-bot-token", FakeSecret.joined("110201543", ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"), "the token BotFather shows in the documentation"),
        NegativeExample("twilio-auth-token", "TWILIO_AUTH_TOKEN=your_auth_token", "placeholder"),
        NegativeExample("openai-api-key", FakeSecret.joined(
            "OPENAI_API_KEY=sk", "-proj-", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "placeholder"),
        NegativeExample("sendgrid-api-key", FakeSecret.joined(
            "S", "G.", "xxxxxxxxxxxxxxxxxxxxxx", ".", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "placeholder"),
        NegativeExample("mailgun-api-key", FakeSecret.joined("api_key = \"ke", "y-3ax6xnjp29jd6fds4gc373sgvjxteol0\""), "Mailgun documentation example (not hex)"),
        NegativeExample("datadog-api-key", FakeSecret.joined("DATADOG_AGENT_SHA1=", FakeSecret.random(40, from: hex, seed: 488)), "a checksum, not a key"),
        NegativeExample("sentry-access-token", FakeSecret.joined("sentry_cli_sha256: ", FakeSecret.random(64, from: hex, seed: 489)), "a checksum"),
        NegativeExample("generic-secret-unquoted", "API_KEY=0123456789abcdef0123456789abcdef", "counting sequence"),
        NegativeExample("google-chat-webhook", FakeSecret.joined(
            "https://chat", ".googleapis.com/v1/spaces/AAAA", "xxxxxxx", "/messages?key=",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "&token=", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "placeholder"),
        NegativeExample("azure-sas-token", "https://acme.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>", "placeholder"),
        NegativeExample("discord-webhook-url", FakeSecret.joined(
            "https://discord", ".com/api/webhooks/000000000000000000/",
            "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"), "placeholder"),
        NegativeExample("dropbox-access-token", FakeSecret.joined(
            "DROPBOX_APP_KEY=", FakeSecret.random(15, from: lowerAlphanumeric, seed: 490)), "an app key (public)"),
        NegativeExample("intra42-client-secret", FakeSecret.joined("s-s4t2", "ud-", FakeSecret.random(30, from: hex, seed: 491)), "too short"),
        NegativeExample("url-credentials", "https://user@example.org/path", "no password"),
        NegativeExample("url-credentials", "postgres://app:${DB_PASSWORD}@db:5432/app", "variable reference"),
        NegativeExample("url-credentials", "http://user:password@host.test/", "low entropy"),
        NegativeExample("generic-secret-quoted", "token_type = 'bare-quoted-string'", "words, not a secret"),
        NegativeExample("generic-secret-quoted", "password = \"aaaaaaaaaaaaaaaa\"", "low entropy"),
        NegativeExample("generic-secret-quoted", "password: \"${{secrets.DB_PASSWORD}}\"", "Actions secret reference"),
        NegativeExample("generic-secret-quoted", "if token == \"\(FakeSecret.random(20))\":", "comparison, not assignment"),
        NegativeExample("generic-secret-quoted", "password = \"<your-password>\"", "placeholder"),
        NegativeExample("generic-secret-quoted", "      password: '${{ secrets.DB_PASSWORD }}'", "Actions secret reference with spaces"),
        NegativeExample("generic-secret-unquoted", "token = tokenize.generate_tokens(readline)", "code"),
        NegativeExample("generic-secret-unquoted", "          token: ${{ secrets.GITHUB_TOKEN }}", "Actions secret reference"),
        NegativeExample("generic-secret-unquoted", "GITHUB_TOKEN: ${{ github.token }}", "Actions context reference"),
        NegativeExample("generic-secret-unquoted", "PASSWORD=changeme1234567", "placeholder"),
        NegativeExample("generic-secret-unquoted", "secret_key_base: ${SECRET_KEY_BASE_2024}", "variable reference"),
        NegativeExample("private-home-path", "cd /home/runner/work/repo", "the Actions runner's home"),
        NegativeExample("private-home-path", "mkdir -p /home/user/.config", "placeholder user"),
        NegativeExample("private-home-path", "GET https://api.github.com/users/octocat/repos", "URL path, not a home folder"),
        NegativeExample("private-windows-home-path", #"C:\Users\Public\Documents\readme.txt"#, "shared folder"),
        NegativeExample("private-windows-home-path", #"C:\Users\%USERNAME%\AppData"#, "variable reference"),
        NegativeExample("internal-marker", "internal documentation lives elsewhere", "no marker"),
    ]
}
