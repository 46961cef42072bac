import RevenueCycle

/// The visit itself: check-in (self-pay without insurance), check-out with the
/// copay collected at the desk, and the biller coding it: an E/M code, sometimes
/// a procedure with modifier 25 or labs, then the claim for insured visits.
extension DemoSimulation {
    func checkIn(_ id: AppointmentID) throws {
        guard let a = appointments[id] else { return }
        let selfPay = patients[a.patient].primary == nil
        let e = try command("check-in", as: frontDesk) { try session.checkIn(id, selfPay: selfPay) }
        appointments[id]?.copayDue = e.copayDue.cents
        appointments[id]?.insured = e.coverage != nil
        let minutes = a.kind.minutes + random.int(0...12)
        agenda.add(.checkOut(id), at: instant(a.date, hour: 0, minute: a.minute + minutes))
    }

    /// Checks out, posts the copay taken at check-in on the visit the check-out opened
    /// (the copay is collected before the visit exists; `payment post --visit` keeps it
    /// on that visit as a credit until the payer's PR-3 arrives), and queues the coding.
    func checkOut(_ id: AppointmentID) throws {
        guard let a = appointments[id] else { return }
        let desk = frontDesk
        let e = try command("check-out", as: desk) { try session.checkOut(id) }
        appointments[id]?.visit = e.visit
        free(id)
        if a.copayDue > 0, random.chance(0.92), let patient = patients[a.patient].id {
            time.advance(to: now.adding(seconds: 60).date)
            let request = PaymentPostRequest(patient: patient, amount: Money(cents: a.copayDue),
                                             method: random.chance(0.6) ? .card : .cash, visit: e.visit)
            // Billers handle money (the front desk's role may not post payments): the desk's receipt is posted by one.
            try postPayment(request, as: biller)
        }
        let lag = random.weighted([(0, 75), (1, 20), (2, 4), (3, 1)])
        let at = lag == 0 ? instant(today, hour: 17, minute: random.int(0...75))
                          : instant(weekday(today.adding(days: lag)), hour: random.int(8...10), minute: random.int(0...59))
        agenda.add(.enterCharges(id), at: at)
    }

    /// `charge add` for each service, then `claim create` when the visit was insured.
    func enterCharges(_ id: AppointmentID) throws {
        guard let a = appointments[id], let visit = a.visit else { return }
        let coder = biller
        for charge in coding(a, visit: visit) {
            try command("charge add", as: coder) { _ = try session.enterCharge(charge, codeList: nil) }
        }
        if a.insured {
            try command("claim create", as: coder) { _ = try session.createClaim(visit: visit, billingProvider: nil) }
        } else {
            planPatientPayment(visit, patient: a.patient)
        }
    }

    /// What the provider did, as charges: the E/M level by visit kind, and add-ons.
    func coding(_ a: DemoAppointment, visit: VisitID) -> [ChargeRequest] {
        let p = patients[a.patient]
        let acute = random.pick(DemoCatalog.acuteDiagnoses)
        var dx: [String]
        var visitCode: String
        switch a.kind {
        case .newPatient:
            visitCode = random.chance(0.6) ? "99203" : "99204"
            dx = p.chronic.isEmpty ? [acute] : Array(p.chronic.prefix(3))
        case .annual:
            visitCode = "99396"
            dx = [p.chronic.isEmpty ? "Z00.00" : "Z00.01"] + p.chronic.prefix(2)
        case .followUp:
            visitCode = random.weighted([("99212", 10), ("99213", 55), ("99214", 30), ("99215", 5)])
            dx = p.chronic.isEmpty ? [acute] : Array(p.chronic.prefix(3))
        case .sick:
            visitCode = random.weighted([("99212", 35), ("99213", 55), ("99214", 10)])
            dx = [acute] + p.chronic.prefix(1)
        }
        var charges: [ChargeRequest] = []
        var extras: [(String, [String])] = []
        if a.kind != .annual, random.chance(0.07) {
            extras.append(("20610", ["M17.11"]))
        }
        if a.kind == .annual || (!p.chronic.isEmpty && random.chance(0.18)) {
            extras.append(("36415", [dx[0]]))
            extras.append((p.chronic.contains("E11.9") ? "83036" : "80053", [dx[0]]))
        }
        if a.kind != .sick, p.chronic.contains("I10"), random.chance(0.08) { extras.append(("93000", ["I10"])) }
        // A procedure the same day makes the visit separately billable only with modifier 25;
        // now and then the coder forgets it and the scrubber holds the claim.
        let needs25 = extras.contains { $0.0 == "20610" } && visitCode != "99396"
        let modifiers = needs25 && random.chance(0.9) ? ["25"] : []
        for (_, codes) in extras { for code in codes where !dx.contains(code) && dx.count < 4 { dx.append(code) } }
        charges.append(ChargeRequest(visit: visit, code: visitCode, modifiers: modifiers, diagnoses: dx))
        for (code, pointing) in extras {
            let pointers = pointing.compactMap { d in dx.firstIndex(of: d).map { $0 + 1 } }
            charges.append(ChargeRequest(visit: visit, code: code, diagnoses: dx, pointers: pointers.isEmpty ? [1] : pointers))
        }
        return charges
    }
}
