/// Renders a statement as plain text (for printing or e-mail) and as one
/// standalone HTML page with its own styles, both from the same numbers.
enum StatementRenderer {
    static func text(_ s: PatientStatement) -> String {
        let i = s.issued
        var out = [s.practiceName, "STATEMENT \(i.statement)  for \(s.patientName) (account \(i.patient))  as of \(i.asOf)", ""]
        for v in s.visits {
            out.append("Visit \(v.visit) on \(v.dateOfService)")
            for service in v.services { out.append("  \(pad(service.code, 12)) \(right(service.amount))") }
            out.append("  \(pad("Charges", 34)) \(right(v.account.charges))")
            out.append("  \(pad("Insurance paid", 34)) \(right(v.account.payerPayments))")
            out.append("  \(pad("Adjustments", 34)) \(right(v.account.adjustments))")
            out.append("  \(pad("You paid", 34)) \(right(v.account.patientPayments))")
            out.append("  \(pad("Waiting for insurance", 34)) \(right(v.account.insuranceBalance))")
            out.append("  \(pad("You owe for this visit", 34)) \(right(v.account.patientBalance))")
            out.append("")
        }
        if s.accountLevel != .zero { out += ["\(pad("Payments and credits on account", 36)) \(right(s.accountLevel))", ""] }
        out.append("Aging: " + zip(AgingBuckets.labels, i.aging.amounts).map { "\($0) days \($1)" }.joined(separator: " | "))
        out.append("AMOUNT DUE: \(max(i.balance, .zero))")
        out += ["", String(repeating: "-", count: 60), "Please return this part with your payment.",
                "Patient: \(s.patientName)   Account: \(i.patient)   Statement: \(i.statement)",
                "Amount due: \(max(i.balance, .zero))   Amount enclosed: __________", "Pay to: \(s.practiceName)"]
        return out.joined(separator: "\n") + "\n"
    }

    static func html(_ s: PatientStatement) -> String {
        let i = s.issued
        var rows = ""
        for v in s.visits {
            let services = v.services.map { "\(escape($0.code)) \($0.amount)" }.joined(separator: "<br>")
            rows += "<tr><td>\(v.dateOfService)<br><small>\(v.visit)</small></td><td>\(services)</td>"
                + [v.account.charges, v.account.payerPayments, v.account.adjustments, v.account.patientPayments,
                   v.account.insuranceBalance, v.account.patientBalance].map { "<td class=n>\($0)</td>" }.joined() + "</tr>\n"
        }
        if s.accountLevel != .zero {
            rows += "<tr><td colspan=7>Payments and credits on account</td><td class=n>\(s.accountLevel)</td></tr>\n"
        }
        let aging = zip(AgingBuckets.labels, i.aging.amounts).map { "<td>\($0) days<br><b>\($1)</b></td>" }.joined()
        let due = max(i.balance, .zero)
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Statement \(i.statement)</title>
        <style>body{font-family:sans-serif;max-width:48em;margin:2em auto}table{border-collapse:collapse;width:100%}
        td,th{border-bottom:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}.n{text-align:right}
        .stub{border-top:2px dashed #000;margin-top:2em;padding-top:1em}</style></head><body>
        <h1>\(escape(s.practiceName))</h1>
        <p>Statement <b>\(i.statement)</b> for <b>\(escape(s.patientName))</b> (account \(i.patient)), as of \(i.asOf)</p>
        <table><tr><th>Visit</th><th>Services</th><th class=n>Charges</th><th class=n>Insurance paid</th><th class=n>Adjustments</th>
        <th class=n>You paid</th><th class=n>Waiting for insurance</th><th class=n>You owe</th></tr>
        \(rows)</table>
        <h2>Aging</h2><table><tr>\(aging)</tr></table>
        <p><b>Amount due: \(due)</b></p>
        <div class="stub"><p>Please return this part with your payment.</p>
        <p>Patient: \(escape(s.patientName)) &middot; Account: \(i.patient) &middot; Statement: \(i.statement)</p>
        <p>Amount due: <b>\(due)</b> &middot; Amount enclosed: ____________</p><p>Pay to: \(escape(s.practiceName))</p></div>
        </body></html>

        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    static func right(_ m: Money) -> String {
        let s = m.description
        return String(repeating: " ", count: max(0, 10 - s.count)) + s
    }
}
