import LiangxinModel

/// Record → CSV cells, one function per ledger, aligned with `LedgerKind.columns`. The exact inverse of
/// `RowDecoders`: decoding what these write gives back the same record, which is what makes export→import a
/// round trip and lets an import compare a row with the stored record column by column.
enum RowEncoders {
    static func s(_ v: String?) -> String { v ?? "" }
    static func s(_ v: Int64?) -> String { v.map(String.init) ?? "" }
    static func s(_ v: Int) -> String { String(v) }
    static func s(_ v: Int?) -> String { v.map(String.init) ?? "" }
    static func s(_ v: Day?) -> String { v?.description ?? "" }
    static func s(_ v: Bool) -> String { v ? "是" : "否" }
    static func s<E: DomainEnum>(_ v: E?) -> String { v?.rawValue ?? "" }
    /// Shortest text that reads back as the same Double; whole numbers without ".0".
    static func s(_ v: Double?) -> String {
        guard let v else { return "" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func region(_ v: Region) -> [String] {
        [v.code, v.name, String(v.level.rawValue), s(v.parentCode)]
    }

    static func instructor(_ v: Instructor) -> [String] {
        [s(v.id), v.name, s(v.phone), s(v.employer), s(v.fullTime), s(v.visitFrequency), s(v.rating), s(v.regionCode)]
    }

    static func partyOrg(_ v: PartyOrg) -> [String] {
        [s(v.id), v.name, s(v.orgType), s(v.formation), s(v.parentId), v.regionCode, s(v.secretaryName), s(v.secretaryPhone),
         s(v.secretaryAppointed), s(v.fullMembers), s(v.probationaryMembers), s(v.status), s(v.revokedOn), s(v.starLevel),
         s(v.founded)]
    }

    static func unit(_ v: OrgUnit) -> [String] {
        [s(v.id), v.name, s(v.creditCode), s(v.kind), s(v.category), s(v.industry), v.regionCode, s(v.address), s(v.staff),
         s(v.fullMembers), s(v.probationaryMembers), s(v.legalRepMember), s(v.acficMember), s(v.sector), s(v.partyOrgId),
         s(v.orgSince), s(v.instructorId), s(v.instructorSince), s(v.reasonNotFormed), s(v.plannedDate), s(v.registered),
         s(v.status), s(v.deregistered)]
    }

    static func platform(_ v: Platform) -> [String] {
        [s(v.id), v.name, s(v.sector), v.regionCode, s(v.partyOrgId)]
    }

    static func survey(_ v: PlatformSurvey) -> [String] {
        [s(v.id), s(v.platformId), s(v.surveyDate), s(v.stations), s(v.branchOffices), s(v.workers), s(v.membersFound),
         s(v.pocketMembers), s(v.membersTransferred), s(v.mobileMembers), s(v.note)]
    }

    static func activity(_ v: OutreachActivity) -> [String] {
        [s(v.id), s(v.date), s(v.sector), s(v.type), v.title, s(v.organizer), s(v.regionCode), s(v.platformId), s(v.participants),
         s(v.peopleServed), s(v.items), s(v.volunteerTimes), s(v.award), s(v.awardPerson)]
    }

    static func station(_ v: Station) -> [String] {
        [s(v.id), v.name, s(v.kind), v.regionCode, s(v.hostUnit), s(v.hostType), s(v.address), s(v.latitude), s(v.longitude),
         s(v.contactName), s(v.contactPhone), v.hours, v.services, s(v.opened), s(v.status), s(v.statusReason)]
    }

    static func stationLog(_ v: StationLog) -> [String] {
        [s(v.id), s(v.stationId), s(v.date), s(v.count), s(v.note)]
    }

    static func trainingSession(_ v: TrainingSession) -> [String] {
        [s(v.id), s(v.date), v.title, s(v.type), s(v.mode), s(v.organizer), s(v.audience), s(v.regionCode), s(v.personTimes),
         s(v.hours), s(v.endDate)]
    }

    static func attendance(_ v: TrainingAttendance) -> [String] {
        [s(v.id), s(v.sessionId), s(v.partyOrgId), s(v.personName), s(v.role), s(v.headCount)]
    }

    static func starEvaluation(_ v: StarEvaluation) -> [String] {
        [s(v.id), s(v.partyOrgId), s(v.year), s(v.stage), s(v.appliedStar), v.selfScores, v.reviewerScores, v.vetoes,
         s(v.evidence), s(v.innovation), s(v.decidedStar), s(v.publicityStart), s(v.publicityEnd), s(v.submitted)]
    }
}
