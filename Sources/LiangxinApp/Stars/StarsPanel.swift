import LiangxinModel
import LiangxinStore
import TermKit

/// 星级: the distribution with its quota lines, star coverage, the cycle's changes, the five-star list and the
/// organizations below ★★★; `v` switches to the review queue, Enter opens an application's review screen or an
/// organization's star history.
@MainActor
public final class StarsPanel: Panel {
    public let id = PanelID.stars

    enum View { case summary, queue, review, history }
    private(set) var view: View = .summary
    /// Where Esc goes back to.
    private var backStack: [View] = []
    private(set) var summary: StarSummary?
    private(set) var year: Int?
    let queue = StarsQueueView()
    private(set) var review: StarReviewScreen?
    private(set) var history: StarHistoryView?
    /// The summary's two lists: which one has the cursor, and their states and cached pages.
    private var focusList: StarOrgList = .fiveStar
    private var listStates: [StarOrgList: TableState] = [.fiveStar: TableState(), .belowThree: TableState()]
    /// Rows `offset ..< offset + rows.count` of each list: a window around the screen, so a cursor move reads nothing.
    private var listPages: [StarOrgList: (offset: Int, rows: [StarOrgRow])] = [:]
    private var listVisible: [StarOrgList: Int] = [.fiveStar: 8, .belowThree: 8]

    public init() {}

    public var capturesText: Bool {
        switch view {
        case .review: return review?.capturesText ?? false
        case .history: return history?.capturesText ?? false
        case .queue: return queue.form != nil || queue.state.filtering
        case .summary: return false
        }
    }

    /// The cycle's year and summary as a background read: warmed up after the first frame, so Tab here does not wait
    /// for them (issue 8: 30–45 ms on a province while the other panels' warm-ups share the cores).
    private func summaryRead(_ ctx: AppContext) -> BackgroundRead<(year: Int, summary: StarSummary)> {
        let store = ctx.store, today = ctx.today, year = self.year
        return BackgroundRead(key: "stars.summary|\(year.map(String.init) ?? "cycle")") {
            let y = try year ?? store.starCycleYear(today: today)
            return (y, try store.starSummary(year: y))
        }
    }

    public func warmUp(_ ctx: AppContext) { ctx.background.prefetch(summaryRead(ctx)) }

    public func isReady(_ ctx: AppContext) -> Bool { ctx.background.isReady(summaryRead(ctx)) }

    public func reload(_ ctx: AppContext) throws {
        let (y, s) = try ctx.background.wait(summaryRead(ctx))
        year = y
        if queue.filter.year == nil { queue.filter.year = y }
        summary = s
        listPages = [:]
        switch view {
        case .queue: try queue.reload(ctx)
        case .review:
            let stageBefore = review?.data.evaluation.stage
            try review?.reload(ctx)
            try queue.reload(ctx)
            // After an action the application may have left the queue: say so rather than show a stale "1/46".
            // (Only when its stage changed: a saved score leaves it where it was, and the look-up walks the queue.)
            if let r = review, r.position != nil, r.data.evaluation.stage != stageBefore {
                let pos = try ctx.store.starQueuePosition(of: r.data.evaluation.id!, queue.filter, sort: queue.sort, ascending: queue.ascending)
                r.leftQueue = pos == nil
                r.position = (pos ?? r.position!.index, queue.total)
            }
        case .history: try history?.reload(ctx)
        case .summary: break
        }
    }

    private func t(_ ctx: AppContext, _ s: Str) -> String { ctx.t(s) }

    public func help(_ ctx: AppContext) -> [KeyHelp] {
        switch view {
        case .review:
            return [KeyHelp("j/k ↑↓", ctx.t(.srKeyRow)), KeyHelp("Enter", ctx.t(.srKeyScore)), KeyHelp("Space", ctx.t(.srKeyTick)),
                    KeyHelp("a", ctx.t(.srKeyApprove)), KeyHelp("R", ctx.t(.srKeyReturn)), KeyHelp("X", ctx.t(.srKeyReject)),
                    KeyHelp("+ - Z", ctx.t(.srKeyChange)), KeyHelp("n/p ] [", ctx.t(.srKeyNextPrev)), KeyHelp("Esc", ctx.t(.srKeyBack))]
        case .history:
            return [KeyHelp("j/k", ctx.t(.srKeyRow)), KeyHelp("Enter", ctx.t(.srKeyOpenApp)), KeyHelp("+ - Z", ctx.t(.srKeyChange)),
                    KeyHelp("Esc", ctx.t(.srKeyBack))]
        case .queue:
            return [KeyHelp("j/k ↑↓ PgUp/PgDn Home/End", ctx.t(.srKeyMove)), KeyHelp("Enter", ctx.t(.srKeyOpenReview)),
                    KeyHelp("f", ctx.t(.srKeyFilter)), KeyHelp("/", ctx.t(.srKeySearch)), KeyHelp("s / S", ctx.t(.srKeySort)),
                    KeyHelp("e", ctx.t(.srKeyExport)), KeyHelp("v", ctx.t(.srKeyView)), KeyHelp("Esc", ctx.t(.srKeyBack))]
        case .summary:
            return [KeyHelp("j/k ↑↓", ctx.t(.srKeyMove)), KeyHelp("← → h l", ctx.t(.srKeyList)), KeyHelp("Enter", ctx.t(.srKeyOpenHistory)),
                    KeyHelp("v", ctx.t(.srKeyView)), KeyHelp("y / Y", ctx.t(.srKeyYear)), KeyHelp("e", ctx.t(.srKeyExport))]
        }
    }

    // MARK: keys

    public func handle(_ key: Key, _ ctx: AppContext) -> Bool {
        switch view {
        case .review: return handleReview(key, ctx)
        case .history: return handleHistory(key, ctx)
        case .queue: return handleQueue(key, ctx)
        case .summary: return handleSummary(key, ctx)
        }
    }

    private func go(_ v: View, _ ctx: AppContext) {
        backStack.append(view)
        view = v
    }

    private func back(_ ctx: AppContext) {
        view = backStack.popLast() ?? .summary
        // Nothing is re-read: every write is audited, and the app reloads the panel when the audit moves (after the
        // key that wrote, or on the next tick). Re-reading the summary here made Esc and v cost 30–55 ms (issue 8).
    }

    private func handleSummary(_ key: Key, _ ctx: AppContext) -> Bool {
        let total = focusList == .fiveStar ? (summary?.fiveStarCount ?? 0) : (summary?.belowThreeCount ?? 0)
        let vis = listVisible[focusList] ?? 8
        var st = listStates[focusList] ?? TableState()
        switch key {
        case .char("v"):
            go(.queue, ctx)
            try? queue.reload(ctx)
            return true
        case .left, .right, .char("h"), .char("l"):
            focusList = focusList == .fiveStar ? .belowThree : .fiveStar
            return true
        case .down, .char("j"): st.moveDown(total: total, visible: vis)
        case .up, .char("k"): st.moveUp(total: total, visible: vis)
        case .pageDown: st.pageDown(total: total, visible: vis)
        case .pageUp: st.pageUp(total: total, visible: vis)
        case .home: st.home(total: total, visible: vis)
        case .end: st.end(total: total, visible: vis)
        case .char("y"), .char("Y"):
            year = (year ?? ctx.today.year) + (key == .char("y") ? -1 : 1)
            queue.filter.year = year
            do { try reload(ctx) } catch { ctx.say("\(error)", error: true) }
            ctx.say(ctx.t(.srCycle) + " \(year!)")
            return true
        case .enter:
            guard let id = listRows(focusList, st.selected..<st.selected + 1, ctx).first?.id else { return true }
            openHistory(id, ctx)
            return true
        case .char("e"):
            let rows = ((try? ctx.store.starOrgs(focusList, offset: 0, limit: 1_000_000)) ?? []).map {
                [$0.name, $0.regionName, starText($0.star), $0.status.rawValue, String($0.members)]
            }
            ScreenExport.run(ctx, name: focusList == .fiveStar ? "stars-five" : "stars-below-three",
                             header: [ctx.t(.srOrg), ctx.t(.srRegion), ctx.t(.srStar), ctx.t(.srStatus), ctx.t(.srMembers)], rows: rows)
            return true
        default: return false
        }
        listStates[focusList] = st
        return true
    }

    private func openHistory(_ orgId: Int64, _ ctx: AppContext) {
        do {
            guard let h = try ctx.store.starHistory(orgId: orgId) else { return }
            history = StarHistoryView(h, cycleYear: year ?? ctx.today.year)
            go(.history, ctx)
        } catch { ctx.say("\(error)", error: true) }
    }

    private func openReview(_ evaluationId: Int64, position: Int?, _ ctx: AppContext) {
        do {
            guard let d = try ctx.store.starReview(evaluationId: evaluationId, today: ctx.today) else { return }
            let r = StarReviewScreen(d)
            r.position = position.map { ($0, queue.total) }
            review = r
            if view != .review { go(.review, ctx) }
        } catch { ctx.say("\(error)", error: true) }
    }

    private func handleQueue(_ key: Key, _ ctx: AppContext) -> Bool {
        if Form.route(key, to: &queue.form, ctx) { return true }
        if queue.state.filtering {
            switch key {
            case .enter: queue.state.filtering = false
            case .esc:
                queue.state.filtering = false
                queue.state.filter = ""
            default:
                var tf = TextField(queue.state.filter)
                guard tf.handle(key) else { return true }
                queue.state.filter = tf.value
            }
            queue.filter.text = queue.state.filter
            queue.state.selected = 0
            try? queue.reload(ctx)
            return true
        }
        let total = queue.total, vis = queue.visible
        switch key {
        case .down, .char("j"): queue.state.moveDown(total: total, visible: vis)
        case .up, .char("k"): queue.state.moveUp(total: total, visible: vis)
        case .pageDown: queue.state.pageDown(total: total, visible: vis)
        case .pageUp: queue.state.pageUp(total: total, visible: vis)
        case .home: queue.state.home(total: total, visible: vis)
        case .end: queue.state.end(total: total, visible: vis)
        case .enter:
            if let id = try? queue.evaluationId(at: queue.state.selected, ctx) { openReview(id, position: queue.state.selected, ctx) }
        case .char("/"):
            queue.state.filtering = true
        case .char("f"):
            queue.form = queue.filterForm(ctx) { [weak self] in try? self?.queue.reload(ctx) }
        case .char("s"), .char("S"):
            if key == .char("s") {
                let order = StarsQueueView.sortOrder
                queue.sort = order[((order.firstIndex(of: queue.sort) ?? 0) + 1) % order.count]
                queue.ascending = queue.sort != .applied
            } else {
                queue.ascending.toggle()
            }
            queue.state.selected = 0
            try? queue.reload(ctx, recount: false)
        case .char("e"): queue.exportRows(ctx)
        case .char("v"), .esc, .backspace:
            if key == .esc && !queue.state.filter.isEmpty {
                queue.state.filter = ""
                queue.filter.text = ""
                try? queue.reload(ctx)
                return true
            }
            back(ctx)
        case .mouse(_, let y):
            // Rows start two lines below the panel's top border (border, header).
            let i = queue.state.offset + (y - 3)
            if i >= queue.state.offset && i < min(total, queue.state.offset + vis) { queue.state.select(i, total: total, visible: vis) }
        default: return false
        }
        try? queue.fetchIfNeeded(ctx)
        return true
    }

    private func handleReview(_ key: Key, _ ctx: AppContext) -> Bool {
        guard let r = review else { view = .queue; return false }
        guard r.uses(key) else { return false }
        switch r.handle(key, ctx) {
        case .stay: break
        case .back:
            review = nil
            back(ctx)
        case .next: step(forward: true, from: r, ctx)
        case .previous: step(forward: false, from: r, ctx)
        }
        return true
    }

    /// Moves to the next or previous application in the queue. When the one on screen has left the queue (it was
    /// approved, returned or rejected), the one now at its place is the next.
    private func step(forward: Bool, from r: StarReviewScreen, _ ctx: AppContext) {
        do {
            let id = r.data.evaluation.id!
            let here: Int?
            if let p = r.position, !r.leftQueue {
                // Still in the queue where it was: no need to search for it (a search sorts the whole queue).
                here = p.index
            } else {
                try queue.reload(ctx)
                here = try ctx.store.starQueuePosition(of: id, queue.filter, sort: queue.sort, ascending: queue.ascending)
            }
            let base = r.position?.index ?? 0
            let target: Int
            if let h = here { target = forward ? h + 1 : h - 1 } else { target = forward ? base : base - 1 }
            guard target >= 0, target < queue.total, let next = try queue.evaluationId(at: target, ctx) else {
                ctx.say(ctx.t(forward ? .srQueueEnd : .srQueueStart))
                return
            }
            queue.state.select(target, total: queue.total, visible: queue.visible)
            openReview(next, position: target, ctx)
        } catch { ctx.say("\(error)", error: true) }
    }

    private func handleHistory(_ key: Key, _ ctx: AppContext) -> Bool {
        guard let h = history else { view = .summary; return false }
        guard h.uses(key) else { return false }
        switch h.handle(key, ctx) {
        case .stay: break
        case .back:
            history = nil
            back(ctx)
        case .open(let id):
            openReview(id, position: nil, ctx)
        }
        return true
    }

    // MARK: rendering

    public func render(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        switch view {
        case .review: review?.render(into: &buf, area: area, ctx)
        case .history: history?.render(into: &buf, area: area, ctx)
        case .queue: queue.render(into: &buf, area: area, ctx)
        case .summary: renderSummary(into: &buf, area: area, ctx)
        }
    }

    private func renderSummary(into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        guard let s = summary else { return }
        let cols = area.splitColumns([.ratio(1), .ratio(1)])
        let roomy = area.height >= 30
        let left = cols[0].splitRows([.fixed(roomy ? 11 : 9), .fixed(roomy ? 7 : 6), .ratio(1)])
        renderDistribution(s, into: &buf, area: left[0], ctx, roomy: roomy)
        renderStages(s, into: &buf, area: left[1], ctx)
        renderChanges(s, into: &buf, area: left[2], ctx)
        let right = cols[1].splitRows(ratios: [1, 1])
        renderList(.fiveStar, count: s.fiveStarCount, into: &buf, area: right[0], ctx)
        renderList(.belowThree, count: s.belowThreeCount, into: &buf, area: right[1], ctx)
    }

    private func renderDistribution(_ s: StarSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext, roomy: Bool) {
        let b = Block(title: "\(ctx.t(.srDistribution)) · \(s.year)\(ctx.lang == .en ? "" : "年度")")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let d = s.distribution
        // Bars are shares of the rated organizations; a quota shows as a line at its share.
        let quotas = Dictionary(s.rubric.quotas.map { ($0.star, $0.maxPercent) }, uniquingKeysWith: min)
        let top = max(((1...5).map { d.share(of: $0).fraction * 100 }.max() ?? 0), quotas.values.max() ?? 0) * 1.1
        let bars: [BarChart.Bar] = (1...5).reversed().map { star in
            let share = d.share(of: star)
            let over = quotas[star].map { (share.basisPoints ?? 0) > Int(($0 * 100).rounded()) } ?? false
            return BarChart.Bar(label: starText(star), value: share.fraction * 100,
                                valueText: "\(pad(String(d.counts[star]), toWidth: 4, align: .right)) \(pad(share.text, toWidth: 6, align: .right))",
                                role: over ? .bad : (star >= 3 ? .good : .warning), target: quotas[star])
        }
        BarChart(bars: bars, maxValue: top > 0 ? top : 1, labelWidth: 10).render(into: &buf, area: Rect(x: inner.x, y: inner.y, width: inner.width, height: 5))
        var y = inner.y + 5
        let cov = d.coverage
        if y < inner.maxY {
            Gauge(ratio: cov.fraction, label: pad(ctx.t(.ovStarCoverage), toWidth: 10), valueText: "\(d.rated)/\(d.active) \(cov.text)", role: .good)
                .render(into: &buf, area: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            y += 1
        }
        if y < inner.maxY {
            buf.put(truncate("\(ctx.t(.ovUnrated)) \(d.counts[0])", toWidth: inner.width), x: inner.x, y: y, style: .dim)
            let q = s.rubric.quotas.sorted { $0.star > $1.star }.map { "\(starText($0.star))≤\(ScoreSheet.formatScore($0.maxPercent))%" }
            if !q.isEmpty {
                let text = "\(BorderSet.preferred.isASCII ? "|" : "│")\(ctx.t(.srQuota)) " + q.joined(separator: " ")
                let w = displayWidth(text)
                if w + 12 < inner.width { buf.put(text, x: inner.maxX - w, y: y, style: .accent) }
            }
            y += 1
        }
        if roomy, y < inner.maxY {
            buf.put(truncate(ctx.t(.srBarsNote), toWidth: inner.width), x: inner.x, y: y, style: .dim)
        }
    }

    private func renderStages(_ s: StarSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let b = Block(title: "\(ctx.t(.srQueueByStage)) · \(s.year)")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        let order: [EvalStage] = [.draft, .submitted, .firstCheck, .review, .publicity, .decided, .returned, .rejected]
        let colW = inner.width / 2
        for (i, st) in order.enumerated() {
            let y = inner.y + i / 2
            guard y < inner.maxY else { break }
            let x = inner.x + (i % 2) * colW
            let n = s.stageCounts[st] ?? 0
            // What each stage waits for, when there is room for it.
            let label = st.rawValue + (colW >= 28 && StarQueueFilter.reviewStages.contains(st) ? "（\(StarReviewScreen.awaiting(st, ctx))）" : "")
            let w = max(0, colW - 2)
            let num = String(n)
            buf.put(truncate(label, toWidth: max(0, w - displayWidth(num) - 1)), x: x, y: y,
                    style: StarQueueFilter.reviewStages.contains(st) ? .text : .dim)
            buf.put(num, x: x + w - displayWidth(num), y: y, style: StarQueueFilter.reviewStages.contains(st) && n > 0 ? .accent : .text)
        }
    }

    private func renderChanges(_ s: StarSummary, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let c = s.changeCounts
        let head = StarChange.Kind.allCases.map { "\($0.mark)\(c[$0] ?? 0)" }.joined(separator: "  ")
        let b = Block(title: "\(ctx.t(.srChanges)) · \(head)")
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        if s.recentChanges.isEmpty { buf.put(ctx.t(.srNoChanges), x: inner.x, y: inner.y, style: .dim) }
        for (i, ch) in s.recentChanges.prefix(inner.height).enumerated() {
            let mark = ch.kind?.mark ?? " "
            let tail = " \(starText(ch.from))→\(starText(ch.to))"
            let date = String(ch.on.suffix(5))
            let nameW = max(0, inner.width - displayWidth(tail) - 9)
            let y = inner.y + i
            let role: Role = ch.kind == .up || ch.kind == .new ? .good : (ch.kind == .revoked ? .bad : .warning)
            buf.put(mark, x: inner.x, y: y, style: Style(role).bolded)
            buf.put(date, x: inner.x + 3, y: y, style: .dim)
            buf.put(truncate(ch.orgName, toWidth: nameW), x: inner.x + 9, y: y, style: .text)
            buf.put(tail, x: inner.maxX - displayWidth(tail), y: y, style: Style(role))
        }
    }

    private func renderList(_ list: StarOrgList, count: Int, into buf: inout Buffer, area: Rect, _ ctx: AppContext) {
        let focused = focusList == list
        let below = area.width >= 50 ? ctx.t(.srBelowThreeList) : ctx.t(.srBelowThreeShort)
        let title = (list == .fiveStar ? ctx.t(.srFiveStarList) : below) + " · \(count)"
        let b = Block(title: title, titleStyle: focused ? Style.title.with(role: .accent) : .title)
        b.render(into: &buf, area: area)
        let inner = b.inner(area).inset(left: 1, right: 1)
        var st = listStates[list] ?? TableState()
        let vis = Table.visibleRowCount(in: inner, state: st)
        listVisible[list] = vis
        st.clamp(total: count, visible: vis)
        listStates[list] = st
        let page = listRows(list, st.visibleRange(total: count, visible: vis), ctx)
        let cols: [Column] = [.flex(ctx.t(.srOrg), min: 10, weight: 3), .fixed(ctx.t(.srRegion), 8), .fixed(ctx.t(.srStar), 5),
                              .fixed(ctx.t(.srMembers), 4, align: .right)]
        let rows = page.map { r -> [String] in
            let name = list == .belowThree && r.status == .weak ? "！" + r.name : r.name
            return [name, r.regionName, starText(r.star), String(r.members)]
        }
        let roles: [Role?] = page.map { list == .belowThree && $0.status == .weak ? .bad : nil }
        Table(columns: cols, rows: rows, totalRows: count, state: st, rowRoles: roles, emptyText: ctx.t(.srNone),
              showSelection: focused).render(into: &buf, area: inner)
    }

    /// The rows of a list in `range`, from the cached window when it holds them, else read with a screenful either side.
    private func listRows(_ list: StarOrgList, _ range: Range<Int>, _ ctx: AppContext) -> ArraySlice<StarOrgRow> {
        if let w = listPages[list], range.lowerBound >= w.offset, range.upperBound <= w.offset + w.rows.count {
            return w.rows[(range.lowerBound - w.offset)..<(range.upperBound - w.offset)]
        }
        let size = max(1, listVisible[list] ?? range.count)
        let offset = max(0, range.lowerBound - size)
        let rows = (try? ctx.store.starOrgs(list, offset: offset, limit: max(range.upperBound - offset, 0) + size)) ?? []
        listPages[list] = (offset, rows)
        let lo = min(rows.count, range.lowerBound - offset), hi = min(rows.count, range.upperBound - offset)
        return rows[lo..<hi]
    }
}
