extension PatientStatement {
    /// The same statement under another id.
    ///
    /// A statement run learns which patients get one only by building each
    /// statement (the balance "as of" comes from the journal); numbering them
    /// afterwards keeps the store's statement ids free of gaps for the skipped ones.
    public func numbered(_ id: StatementID) -> PatientStatement {
        PatientStatement(issued: StatementIssued(statement: id, patient: issued.patient, asOf: issued.asOf, balance: issued.balance,
                                                 aging: issued.aging),
                         patientName: patientName, practiceName: practiceName, visits: visits, accountLevel: accountLevel)
    }
}
