/// How much of each record a reader fills in. Reading less is faster when a program only needs totals.
public enum RecordContent: Sendable, Hashable {
    /// Every element of the model.
    case complete
    /// The source, count, `policy_evaluated` and `header_from`: what DMARC pass/fail totals need.
    /// `auth_results`, `envelope_from` and `envelope_to` are left empty, except the `auth_results` of a record whose
    /// `policy_evaluated` lacks `<dkim>` or `<spf>`, from which its DMARC result is derived (`DMARCOutcome`).
    case policyEvaluated
}
