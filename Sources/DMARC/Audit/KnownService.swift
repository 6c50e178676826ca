/// Mail services recognised offline by the domains they authenticate as (DKIM `d=`, SPF MAIL FROM).
public enum KnownService {
    /// Organisational domain → service name.
    static let byOrganisationalDomain: [String: String] = [
        "google.com": "Google Workspace", "googlemail.com": "Google Workspace", "gappssmtp.com": "Google Workspace",
        "outlook.com": "Microsoft 365", "onmicrosoft.com": "Microsoft 365", "office365.com": "Microsoft 365",
        "hotmail.com": "Outlook.com", "live.com": "Outlook.com", "gmail.com": "Gmail", "aol.com": "AOL Mail",
        "amazonses.com": "Amazon SES", "sendgrid.net": "SendGrid", "sendgrid.com": "SendGrid",
        "mailchimp.com": "Mailchimp", "mcsv.net": "Mailchimp", "mcdlv.net": "Mailchimp", "rsgsv.net": "Mailchimp",
        "mandrillapp.com": "Mailchimp Transactional", "mailgun.org": "Mailgun", "mailgun.net": "Mailgun",
        "sparkpostmail.com": "SparkPost", "postmarkapp.com": "Postmark", "mtasv.net": "Postmark",
        "zendesk.com": "Zendesk", "freshdesk.com": "Freshdesk", "salesforce.com": "Salesforce",
        "exacttarget.com": "Salesforce Marketing Cloud", "hubspotemail.net": "HubSpot", "hubspot.com": "HubSpot",
        "mktomail.com": "Marketo", "sendinblue.com": "Brevo", "brevo.com": "Brevo", "mailjet.com": "Mailjet",
        "constantcontact.com": "Constant Contact", "zoho.com": "Zoho Mail", "zohomail.com": "Zoho Mail",
        "mimecast.com": "Mimecast", "pphosted.com": "Proofpoint", "messagelabs.com": "Broadcom Email Security",
        "intercom-mail.com": "Intercom", "mailersend.net": "MailerSend", "shopify.com": "Shopify",
        "atlassian.net": "Atlassian", "github.com": "GitHub", "yahoo.com": "Yahoo", "fastmail.com": "Fastmail",
        "messagingengine.com": "Fastmail", "protonmail.ch": "Proton Mail", "icloud.com": "iCloud Mail",
    ]

    /// Free mailbox services, where anyone can open an account: authenticating as one says nothing about who sends,
    /// so their sources are judged steady or sporadic like unknown ones (`SenderAudit`).
    public static let mailboxServices: Set<String> = ["Gmail", "Outlook.com", "Yahoo", "AOL Mail", "iCloud Mail"]

    /// The service a domain belongs to, or nil.
    public static func named(by domain: String) -> String? {
        byOrganisationalDomain[OrganisationalDomain.of(domain)]
    }
}
