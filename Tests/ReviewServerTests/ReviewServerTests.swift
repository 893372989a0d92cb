import CurateApp
import Foundation
import ReviewServer
import Store
import XCTest

/// The review app over real HTTP on an ephemeral loopback port.
final class ReviewServerTests: XCTestCase {
    func testEveryRequestNeedsTheToken() throws {
        let fixture = try ServerFixture(rows: 3)
        let http = fixture.http
        XCTAssertEqual(try http.get("/flags").status, 401)
        XCTAssertEqual(try http.get("/flags/1").status, 401)
        XCTAssertEqual(try http.get("/flags", headers: ["X-Curate-Token": String(repeating: "0", count: 64)]).status, 401)
        XCTAssertEqual(try http.get("/flags", headers: ["Cookie": "curate_token=wrong"]).status, 401)
        XCTAssertEqual(try http.post("/flags/1/decide", form: [("decision", "accept"), ("reviewer", "a"), ("note", "n")]).status, 401)
        XCTAssertEqual(try http.get("/flags", headers: fixture.auth).status, 200)
        XCTAssertEqual(try http.get("/flags", headers: ["Authorization": "Bearer \(fixture.token.value)"]).status, 200)

        // The printed address: ?token= sets a strict cookie and redirects to the page without it.
        let login = try http.get("/flags?token=\(fixture.token.value)")
        XCTAssertEqual(login.status, 303)
        XCTAssertEqual(login.header("Location"), "/flags")
        let cookie = try XCTUnwrap(login.cookies.first)
        XCTAssertTrue(cookie.hasPrefix("curate_token=\(fixture.token.value)"), cookie)
        XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie)
        let page = try http.get("/flags", headers: ["Cookie": "curate_token=\(fixture.token.value)"])
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.header("Content-Security-Policy")?.contains("default-src 'none'"), true)
    }

    func testQueuePagesTenThousandFlagsHighestScoreFirst() throws {
        let fixture = try ServerFixture(rows: 5, reactionFlags: 10_000)
        let http = fixture.http
        let first = try http.get("/flags", headers: fixture.auth)
        XCTAssertEqual(first.status, 200)
        XCTAssertTrue(first.body.contains(#"data-total="10005" data-page="1" data-pages="201""#), String(first.body.prefix(2000)))
        let ids = Self.rowIds(first.body)
        XCTAssertEqual(ids.count, 50)
        // Reaction flags have scores index + 0.5 (ids 6...10005): the highest is the last inserted.
        XCTAssertEqual(ids.first, 10_005)
        XCTAssertEqual(Array(ids.prefix(3)), [10_005, 10_004, 10_003])
        XCTAssertTrue(first.body.contains(#"rel="next" href="/flags?status=open&amp;page=2""#))

        let last = try http.get("/flags?page=201", headers: fixture.auth)
        XCTAssertEqual(Self.rowIds(last.body).count, 5, "10005 = 200 × 50 + 5")
        let beyond = try http.get("/flags?page=202", headers: fixture.auth)
        XCTAssertEqual(beyond.status, 200)
        XCTAssertTrue(beyond.body.contains("empty-queue"))

        let properties = try http.get("/flags?kind=property&per_page=500", headers: fixture.auth)
        XCTAssertEqual(Self.rowIds(properties.body), [5, 4, 3, 2, 1], "property flags only, score = row")
        let big = try http.get("/flags?kind=reaction&per_page=500&page=3", headers: fixture.auth)
        XCTAssertEqual(Self.rowIds(big.body).first, 10_005 - 1000)

        for bad in ["/flags?page=0", "/flags?page=x", "/flags?kind=bogus", "/flags?status=maybe", "/flags?per_page=501", "/flags?page=%zz"] {
            let reply = try http.get(bad, headers: fixture.auth)
            XCTAssertEqual(reply.status, 400, bad)
            XCTAssertTrue(reply.body.contains("error-message"), bad)
        }
    }

    func testFlagPageShowsTheRawRecordProvenanceAndPrediction() throws {
        let fixture = try ServerFixture(rows: 4)
        let page = try fixture.http.get("/flags/3", headers: fixture.auth)
        XCTAssertEqual(page.status, 200)
        // Observation 3 is the third data row of the real file, byte for byte.
        let lines = try String(contentsOfFile: ServerFixture.oqmd, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(page.body.contains("<pre id=\"raw-bytes\">\(lines[3])</pre>"), "raw bytes of \(lines[3])")
        XCTAssertTrue(page.body.contains("oqmd.csv"), "the file the record was read from")
        XCTAssertTrue(page.body.contains("observed <b>-1.5</b>, predicted <b>-0.25 ± 0.125</b> eV/atom"))
        XCTAssertTrue(page.body.contains(#"<svg"#) && page.body.contains(#"id="observed-predicted""#))
        XCTAssertTrue(page.body.contains("97.0%"), "neighbour similarity")
        XCTAssertTrue(page.body.contains("flags-show"), "the text of curate flags show")
        XCTAssertTrue(page.body.contains(#"name="token" value="\#(fixture.token.value)""#), "the form carries the token")
        XCTAssertFalse(page.body.contains("<script"), "works with JavaScript off")
    }

    func testDecisionsAreStoredLikeTheCommandLineOnes() throws {
        let fixture = try ServerFixture(rows: 3)
        let http = fixture.http
        let token = fixture.token.value
        let accepted = try http.post("/flags/2/decide", form: [("token", token), ("decision", "accept"), ("reviewer", "Ada"),
                                                               ("note", "value is 10× too large")], headers: fixture.cookie)
        XCTAssertEqual(accepted.status, 303)
        XCTAssertEqual(accepted.header("Location"), "/flags/2?decided=accepted")
        XCTAssertEqual(try fixture.store.flag(id: 2)?.status, .accepted)
        XCTAssertEqual(try fixture.store.flag(id: 2)?.decisionNote, "Ada: value is 10× too large")
        XCTAssertEqual(try fixture.store.reviewExclusions().map(\.subjectKey), ["2"])

        let edited = try http.post("/flags/3/decide", form: [("token", token), ("decision", "edit"), ("reviewer", "Bo"),
                                                             ("note", "unit slip"), ("correction", "-0.15")], headers: fixture.cookie)
        XCTAssertEqual(edited.status, 303)
        XCTAssertEqual(try fixture.store.flag(id: 3)?.decisionNote, "Bo: unit slip [edit correction: -0.15]")
        let rejected = try http.post("/flags/1/decide", form: [("token", token), ("decision", "reject"), ("reviewer", "Cy"), ("note", "fine")], headers: fixture.cookie)
        XCTAssertEqual(rejected.status, 303)
        XCTAssertEqual(try fixture.store.flags().map(\.status), [.accepted, .accepted, .rejected], "by score: 3, 2, 1")

        let shown = try http.get("/flags/2?decided=accepted", headers: fixture.auth)
        XCTAssertTrue(shown.body.contains(#"id="decision""#) && shown.body.contains("Ada: value is 10× too large"))
        XCTAssertFalse(shown.body.contains(#"id="decide""#), "no form on a decided flag")
        let open = try http.get("/flags?status=open", headers: fixture.auth)
        XCTAssertTrue(open.body.contains(#"data-total="0""#))
        // The export the command line prints holds the web decisions.
        let export = try FlagDecisions.export(storePath: fixture.storePath, format: .csv)
        XCTAssertTrue(export.text.contains("Ada: value is 10× too large"), export.text)
    }

    func testTheSecondReviewerOfAFlagGetsAConflictWithTheFirstDecision() throws {
        let fixture = try ServerFixture(rows: 2)
        let token = fixture.token.value
        let replies = LockedReplies()
        let (http, cookie) = (fixture.http, fixture.cookie)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let reply = try? http.post("/flags/1/decide", form: [
                ("token", token), ("decision", index % 2 == 0 ? "accept" : "reject"), ("reviewer", "r\(index)"), ("note", "n\(index)"),
            ], headers: cookie)
            replies.append(reply)
        }
        let all = replies.all
        XCTAssertEqual(all.count, 8)
        XCTAssertEqual(all.filter { $0?.status == 303 }.count, 1, "exactly one decision stored")
        XCTAssertEqual(all.filter { $0?.status == 409 }.count, 7)
        let flag = try XCTUnwrap(try fixture.store.flag(id: 1))
        XCTAssertNotEqual(flag.status, .open)
        let note = try XCTUnwrap(flag.decisionNote)
        for conflict in all.compactMap({ $0 }) where conflict.status == 409 {
            XCTAssertTrue(conflict.body.contains(HTMLText.escape(note)), "the conflict page shows the stored decision")
            XCTAssertTrue(conflict.body.contains(#"data-status="\#(flag.status.rawValue)""#))
        }
        XCTAssertEqual(try fixture.store.reviewExclusions().count, flag.status == .accepted ? 1 : 0, "never a double decision")
    }

    func testBadRequestsGetAFourHundredPageAndLeaveTheStoreUnchanged() throws {
        let fixture = try ServerFixture(rows: 2)
        let http = fixture.http
        let token = fixture.token.value
        let cookie = ["Cookie": "curate_token=\(token)"]
        func post(_ path: String, _ form: [(String, String)], headers: [String: String] = ["Cookie": "curate_token=\(fixture.token.value)"]) throws -> Int {
            try http.post(path, form: form, headers: headers).status
        }
        let good = [("decision", "accept"), ("reviewer", "a"), ("note", "n")]
        XCTAssertEqual(try post("/flags/1/decide", good, headers: cookie), 403, "a cookie alone cannot write")
        XCTAssertEqual(try post("/flags/1/decide", [("token", "x")] + good, headers: cookie), 403)
        XCTAssertEqual(try post("/flags/abc/decide", [("token", token)] + good), 404)
        XCTAssertEqual(try post("/flags/999/decide", [("token", token)] + good), 404)
        XCTAssertEqual(try http.get("/flags/999", headers: fixture.auth).status, 404)
        XCTAssertEqual(try http.get("/flags/-1", headers: fixture.auth).status, 404)
        XCTAssertEqual(try http.get("/flags/99999999999999999999999", headers: fixture.auth).status, 404)
        XCTAssertEqual(try post("/flags/1/decide", [("token", token), ("decision", "maybe"), ("reviewer", "a"), ("note", "n")]), 400)
        XCTAssertEqual(try post("/flags/1/decide", [("token", token), ("decision", "accept"), ("reviewer", "a"), ("note", "  ")]), 400)
        XCTAssertEqual(try post("/flags/1/decide", [("token", token), ("decision", "accept"), ("reviewer", ""), ("note", "n")]), 400)
        XCTAssertEqual(try post("/flags/1/decide", [("token", token), ("decision", "edit"), ("reviewer", "a"), ("note", "n")]), 400,
                       "an edit needs its correction")
        XCTAssertEqual(try post("/flags/1/decide", [("token", token), ("decision", "accept"), ("reviewer", "a\nb"), ("note", "n")]), 400)
        XCTAssertEqual(try post("/flags/1/decide", [("token", token), ("decision", "accept"), ("reviewer", "a"),
                                                    ("note", String(repeating: "x", count: 5000))]), 400)
        XCTAssertEqual(try http.post("/flags/1/decide", body: "token=\(token)&decision=accept&reviewer=a&note=%G1", headers: cookie, contentType: "application/x-www-form-urlencoded").status, 400)
        XCTAssertEqual(try http.post("/flags/1/decide", body: String(repeating: "a", count: 70_000), headers: cookie,
                                     contentType: "application/x-www-form-urlencoded").status, 413)
        XCTAssertEqual(try http.post("/flags/1/decide", body: "{}", headers: fixture.auth, contentType: "application/json").status, 415)
        XCTAssertEqual(try fixture.store.flags(status: .open).count, 2, "nothing was decided")
        XCTAssertEqual(try fixture.store.reviewExclusions().count, 0)
        let escaped = try http.get("/flags?kind=%3Cscript%3E", headers: fixture.auth)
        XCTAssertEqual(escaped.status, 400)
        XCTAssertFalse(escaped.body.contains("<script>"), "input is escaped in error pages")
    }

    func testServingOnANetworkAddressNeedsAToken() {
        XCTAssertThrowsError(try ReviewServing.serve(storePath: "missing.sqlite", options: .init(host: "0.0.0.0", port: 0)) { _ in }) { error in
            XCTAssertTrue("\(error)".contains("requires --token"), "\(error)")
        }
        XCTAssertThrowsError(try ReviewServing.serve(storePath: "missing.sqlite", options: .init(port: 0, token: "short")) { _ in })
        XCTAssertTrue(ReviewServing.isLoopback("127.0.0.1"))
        XCTAssertFalse(ReviewServing.isLoopback("192.168.1.2"))
    }

    static func rowIds(_ html: String) -> [Int] {
        html.components(separatedBy: #"class="flag-row" data-flag-id=""#).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }
}

final class LockedReplies: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [LoopbackHTTP.Reply?] = []
    func append(_ reply: LoopbackHTTP.Reply?) { lock.withLock { replies.append(reply) } }
    var all: [LoopbackHTTP.Reply?] { lock.withLock { replies } }
}

enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

/// Undo over HTTP: the flag page's undo form, and the conflict when someone re-decided the flag.
final class ReviewServerUndoTests: XCTestCase {
    func testUndoFromTheFlagPageReopensTheFlagAndKeepsTheHistory() throws {
        let fixture = try ServerFixture(rows: 2)
        let (http, token) = (fixture.http, fixture.token.value)
        XCTAssertEqual(try http.post("/flags/2/decide", form: [("token", token), ("decision", "accept"), ("reviewer", "Ada"),
                                                              ("note", "unit slip")], headers: fixture.cookie).status, 303)
        let decided = try http.get("/flags/2", headers: fixture.auth)
        let decisionId = try XCTUnwrap(try fixture.store.flagHistory(id: 2).last?.id)
        XCTAssertTrue(decided.body.contains(#"id="undo""#), "a decided flag has the undo form")
        XCTAssertTrue(decided.body.contains(#"name="decision_id" value="\#(decisionId)""#))
        XCTAssertTrue(decided.body.contains(#"name="token" value="\#(token)""#))

        let undone = try http.post("/flags/2/undo", form: [("token", token), ("decision_id", String(decisionId)), ("reviewer", "Bo"),
                                                           ("note", "value checked: it is right")], headers: fixture.cookie)
        XCTAssertEqual(undone.status, 303)
        XCTAssertEqual(undone.header("Location"), "/flags/2?decided=open")
        XCTAssertEqual(try fixture.store.flag(id: 2)?.status, .open)
        XCTAssertEqual(try fixture.store.reviewExclusions(), [])
        let page = try http.get("/flags/2?decided=open", headers: fixture.auth)
        XCTAssertTrue(page.body.contains(#"id="decide""#), "open again: the decision form is back")
        XCTAssertTrue(page.body.contains("is open again"))
        XCTAssertEqual(page.body.components(separatedBy: #"class="history-row""#).count - 1, 2, "decision and undo in the history")
        XCTAssertTrue(page.body.contains("undone (was accepted)") && page.body.contains("value checked: it is right"))
        let history = try fixture.store.flagHistory(id: 2)
        XCTAssertEqual(history.map(\.reviewer), ["Ada", "Bo"])
        // The command line sees the same history.
        XCTAssertEqual(try FlagDecisions.history(id: 2, storePath: fixture.storePath), history)
    }

    func testUndoingAFlagSomeoneElseRedecidedIsAConflict() throws {
        let fixture = try ServerFixture(rows: 1)
        let (http, token) = (fixture.http, fixture.token.value)
        let form = { (decision: String, reviewer: String) in [("token", token), ("decision", decision), ("reviewer", reviewer), ("note", "n")] }
        XCTAssertEqual(try http.post("/flags/1/decide", form: form("accept", "Ada"), headers: fixture.cookie).status, 303)
        let seen = try XCTUnwrap(try fixture.store.flagHistory(id: 1).last?.id)
        // Bo undoes it and rejects it while Ada's page still shows her acceptance.
        XCTAssertEqual(try http.post("/flags/1/undo", form: [("token", token), ("decision_id", String(seen)), ("reviewer", "Bo"), ("note", "no")],
                                     headers: fixture.cookie).status, 303)
        XCTAssertEqual(try http.post("/flags/1/decide", form: form("reject", "Bo"), headers: fixture.cookie).status, 303)
        let stale = try http.post("/flags/1/undo", form: [("token", token), ("decision_id", String(seen)), ("reviewer", "Ada"), ("note", "mine")],
                                  headers: fixture.cookie)
        XCTAssertEqual(stale.status, 409)
        XCTAssertTrue(stale.body.contains(#"data-status="rejected""#) && stale.body.contains("was not stored"), stale.body)
        XCTAssertEqual(try fixture.store.flag(id: 1)?.status, .rejected, "Bo's decision stands")
        XCTAssertEqual(try fixture.store.flagHistory(id: 1).count, 3)

        // Two reviewers undoing the same decision at once: one undo is stored, the other gets 409.
        let latest = try XCTUnwrap(try fixture.store.flagHistory(id: 1).last?.id)
        let replies = LockedReplies()
        let cookie = fixture.cookie
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            replies.append(try? http.post("/flags/1/undo", form: [("token", token), ("decision_id", String(latest)), ("reviewer", "r\(index)"),
                                                                 ("note", "n")], headers: cookie))
        }
        XCTAssertEqual(replies.all.filter { $0?.status == 303 }.count, 1)
        XCTAssertEqual(replies.all.filter { $0?.status == 409 }.count, 5)
        XCTAssertEqual(try fixture.store.flagHistory(id: 1).map(\.action), [.accepted, .undone, .rejected, .undone])
    }

    func testBadUndoRequestsGetAFourHundredPage() throws {
        let fixture = try ServerFixture(rows: 1)
        let (http, token) = (fixture.http, fixture.token.value)
        XCTAssertEqual(try http.post("/flags/1/decide", form: [("token", token), ("decision", "accept"), ("reviewer", "a"), ("note", "n")],
                                     headers: fixture.cookie).status, 303)
        let seen = String(try XCTUnwrap(try fixture.store.flagHistory(id: 1).last?.id))
        func status(_ path: String, _ form: [(String, String)]) throws -> Int { try http.post(path, form: form, headers: fixture.cookie).status }
        XCTAssertEqual(try status("/flags/1/undo", [("decision_id", seen), ("reviewer", "a"), ("note", "n")]), 403, "a cookie alone cannot undo")
        XCTAssertEqual(try status("/flags/1/undo", [("token", token), ("decision_id", "x"), ("reviewer", "a"), ("note", "n")]), 400)
        XCTAssertEqual(try status("/flags/1/undo", [("token", token), ("decision_id", seen), ("reviewer", ""), ("note", "n")]), 400)
        XCTAssertEqual(try status("/flags/1/undo", [("token", token), ("decision_id", seen), ("reviewer", "a"), ("note", "")]), 400)
        XCTAssertEqual(try status("/flags/9/undo", [("token", token), ("decision_id", seen), ("reviewer", "a"), ("note", "n")]), 404)
        XCTAssertEqual(try fixture.store.flag(id: 1)?.status, .accepted, "nothing was undone")
    }
}

/// The queue filtered by producer: the producer shown per row, offered in the filter form, and
/// kept in the page links.
final class ReviewServerProducerTests: XCTestCase {
    func testTheQueueFiltersByProducerAndShowsIt() throws {
        let fixture = try ServerFixture(rows: 3, reactionFlags: 120)
        let http = fixture.http
        let all = try http.get("/flags?per_page=500", headers: fixture.auth)
        XCTAssertEqual(ReviewServerTests.rowIds(all.body).count, 123)
        XCTAssertTrue(all.body.contains(#"<option value="model:abc">models/roost (model:abc…) — 3 flag(s)</option>"#), "the filter offers each producer")
        XCTAssertTrue(all.body.contains(#"<option value="model:def">models/reaction (model:def…) — 120 flag(s)</option>"#))
        XCTAssertEqual(all.body.components(separatedBy: #"data-producer="model:def""#).count - 1, 120, "each row names its producer")

        let roost = try http.get("/flags?producer=model%3Aabc", headers: fixture.auth)
        XCTAssertEqual(roost.status, 200)
        XCTAssertEqual(ReviewServerTests.rowIds(roost.body), [3, 2, 1], "only the Roost model's flags, by score")
        XCTAssertTrue(roost.body.contains(#"<option value="model:abc" selected>"#))

        let reactions = try http.get("/flags?producer=model:def&page=2", headers: fixture.auth)
        XCTAssertTrue(reactions.body.contains(#"data-total="120" data-page="2" data-pages="3""#), String(reactions.body.prefix(3000)))
        XCTAssertEqual(ReviewServerTests.rowIds(reactions.body).first, 123 - 50, "page 2 of the reaction model's flags")
        XCTAssertTrue(reactions.body.contains(#"href="/flags?status=open&amp;producer=model%3Adef&amp;page=3""#), "links keep the filter")

        XCTAssertTrue(try http.get("/flags?producer=model:nobody", headers: fixture.auth).body.contains(#"data-total="0""#))
        XCTAssertEqual(try http.get("/flags?producer=bogus", headers: fixture.auth).status, 400)
        XCTAssertEqual(try fixture.store.flagPage(producer: "model:abc", offset: 0, limit: 10).total, 3)
        // The cached order the queue slices agrees with the store's own paging.
        let order = try fixture.store.flagQueueIds(kind: .reaction)
        XCTAssertEqual(order.count, 120)
        XCTAssertEqual(Array(order[50..<100]), try fixture.store.flagPage(kind: .reaction, offset: 50, limit: 50).flags.map(\.id))
        XCTAssertEqual(try fixture.store.flags(ids: [3, 999_999, 1]).map(\.id), [3, 1], "in the order given, unknown ids left out")
    }
}

/// Stored evidence is JSON a producer wrote: odd values show as "?" on the page, never a crash.
final class ReviewServerEvidenceTests: XCTestCase {
    func testAFlagWhoseNeighboursLackIdsStillRenders() throws {
        let fixture = try ServerFixture(rows: 1)
        let odd = [#"{"neighbours":[{"formula":"NaCl","similarity":0.9}]}"#, #"{"neighbours":[{"observation_id":1e300,"similarity":"x"}]}"#,
                   #"{"neighbours":[{"observation_id":2.5}]}"#]
        let ids = try fixture.store.recordFlags(odd.enumerated().map { index, evidence in
            FlagDraft(kind: .property, subjectKey: "odd-\(index)", subjectLabel: "odd", provenanceJSON: "{}", score: 1, observedJSON: "1",
                      predictedJSON: "2", uncertainty: 0.5, evidenceJSON: evidence)
        }, producer: FlagProducer(modelPath: "m", modelSHA256: "odd", inputSHA256: "")).flagIds.compactMap { $0 }
        for id in ids {
            let page = try fixture.http.get("/flags/\(id)", headers: fixture.auth)
            XCTAssertEqual(page.status, 200, "flag \(id)")
            XCTAssertTrue(page.body.contains("[observation ?, "), "flag \(id): the missing id shows as ?")
        }
        XCTAssertEqual(try fixture.http.get("/flags", headers: fixture.auth).status, 200, "the server is still up")
    }
}

/// The queue's counts are cached per store state: every write, through the server, its store or
/// another process, shows on the next page.
final class ReviewServerCountTests: XCTestCase {
    func testCountsFollowEveryWrite() throws {
        let fixture = try ServerFixture(rows: 3)
        let (http, token) = (fixture.http, fixture.token.value)
        func total(_ path: String = "/flags") throws -> String {
            let body = try http.get(path, headers: fixture.auth).body
            guard let range = body.range(of: #"data-total=""#) else { return "?" }
            return String(body[range.upperBound...].prefix { $0.isNumber })
        }
        XCTAssertEqual(try total(), "3")
        XCTAssertEqual(try total(), "3", "cached")
        _ = try FlagDecisions.decide(id: 1, decision: .reject, note: "fine", storePath: fixture.storePath)
        XCTAssertEqual(try total(), "2", "a decision from another connection")
        XCTAssertEqual(try total("/flags?status=rejected"), "1")
        XCTAssertEqual(try http.post("/flags/2/decide", form: [("token", token), ("decision", "accept"), ("reviewer", "a"), ("note", "n")],
                                     headers: fixture.cookie).status, 303)
        XCTAssertEqual(try total(), "1", "a decision through the server")
        _ = try fixture.store.recordFlags([FlagDraft(kind: .reaction, subjectKey: "new", subjectLabel: "x", provenanceJSON: "{}", score: 1,
                                                     observedJSON: "{}", predictedJSON: "{}", uncertainty: 0, evidenceJSON: "{}")],
                                          producer: FlagProducer(modelPath: "models/new", modelSHA256: "new", inputSHA256: ""))
        XCTAssertEqual(try total(), "2", "a flag recorded through the server's own store")
        XCTAssertTrue(try http.get("/flags", headers: fixture.auth).body.contains(#"<option value="model:new">models/new"#), "the new producer is offered")
    }
}
