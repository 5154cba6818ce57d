package org.palimpsest.api.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.api.ArchiveIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The extraction projections through HTTP: one event and one email, told in English and in Korean. */
class TimelineAndEmailApiTest extends ArchiveIntegrationTest {

    private final String tag = "ref" + UUID.randomUUID().toString().substring(0, 8);

    private String english() {
        return """
                # Board history

                - **February 2018** — Dana Whitlock left the board of Corvid Labs (%s).
                - **Early 2016**: Corvid Labs hired its first researchers (%s).

                ```
                From: Dana Whitlock <dana@%s.example>
                To: Minho Seo <minho@corvid.example>
                Date: Mon, Mar 11, 2019 at 8:05 AM PDT
                Subject: Capped returns

                Minho, the structure works for me.
                ```
                """.formatted(tag, tag, tag);
    }

    private String korean() {
        return """
                # 이사회 연혁

                - **2018년 2월**: 다나 휘트록이 코르비드 랩스 이사회를 떠났다 (%s).

                ```
                보낸 사람: 다나 휘트록 <dana@%s.example>
                받는 사람: 서민호 <minho@corvid.example>
                날짜: 2019년 3월 11일 월요일 오전 8:05
                제목: 상한 수익

                민호 씨, 그 구조는 괜찮습니다.
                ```
                """.formatted(tag, tag);
    }

    private String importText(String text) {
        Response created = postJson("/api/documents", Map.of("text", text), "editor");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void groupsTheSameEventAcrossLanguagesAndFollowsFixes() {
        String en = importText(english());
        String ko = importText(korean());

        JsonNode events = get("/api/timeline?q=" + tag).json().get("items");
        assertThat(events).hasSize(2);
        JsonNode left = events.get(1);
        assertThat(left.get("iso").asString()).isEqualTo("2018-02");
        assertThat(left.get("languages")).extracting(JsonNode::asString).containsExactly("en", "ko");
        assertThat(left.get("sources")).extracting(s -> s.get("documentId").asString()).containsExactlyInAnyOrder(en, ko);
        JsonNode source = left.get("sources").get(0);
        assertThat(source.get("span").get("end").asInt()).isGreaterThan(source.get("span").get("start").asInt());
        assertThat(events.get(0).get("sources")).hasSize(1);

        assertThat(get("/api/timeline?q=" + tag + "&from=2018&to=2018-02-28").json().get("items")).hasSize(1);
        assertThat(get("/api/timeline?q=" + tag + "&lang=ko").json().get("items")).hasSize(1);
        assertThat(get("/api/timeline?q=" + tag + "&person=ダナ・ウィットロック").json().get("items")).hasSize(1);
        assertThat(get("/api/timeline?q=" + tag + "&person=Minho%20Seo").json().get("items")).isEmpty();
        assertThat(get("/api/timeline?from=March").status()).isEqualTo(400);

        JsonNode tjs = get("/api/timeline?q=" + tag + "&format=timelinejs").json();
        assertThat(tjs.get("events")).hasSize(2);
        assertThat(tjs.get("events").get(1).get("start_date").get("year").asInt()).isEqualTo(2018);
        assertThat(tjs.get("events").get(1).get("start_date").get("month").asInt()).isEqualTo(2);

        // An editor corrects the English date: the statement moves and no longer groups with the Korean one.
        Response fix = postJson("/api/documents/" + en + "/fixes?accept=true", Map.of(
                "target", Map.of("exact", "February 2018"), "replacement", "March 2018", "kind", "mistranslation",
                "reason", "the minutes say March"), "editor");
        assertThat(fix.status()).isEqualTo(201);
        JsonNode after = get("/api/timeline?q=" + tag).json().get("items");
        assertThat(after).hasSize(3);
        assertThat(after).extracting(e -> e.get("iso").asString()).containsExactly("2016-early", "2018-02", "2018-03");
    }

    @Test
    void oneMessageQuotedInTwoLanguagesIsOneEmailWithTwoRenderings() {
        String en = importText(english());
        String ko = importText(korean());

        JsonNode page = get("/api/emails?participant=dana@" + tag + ".example").json();
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode message = page.get("items").get(0);
        assertThat(message.get("renderings")).hasSize(2);
        assertThat(message.get("renderings")).extracting(r -> r.get("documentId").asString()).containsExactlyInAnyOrder(en, ko);
        JsonNode english = message.get("renderings").get(0).get("documentId").asString().equals(en)
                ? message.get("renderings").get(0) : message.get("renderings").get(1);
        assertThat(english.get("subject").asString()).isEqualTo("Capped returns");
        assertThat(english.get("instant").asString()).isEqualTo("2019-03-11T15:05:00Z");
        assertThat(english.get("from").get("name").asString()).isEqualTo("Dana Whitlock");
        assertThat(english.get("to").get(0).get("address").asString()).isEqualTo("minho@corvid.example");

        String id = message.get("id").asString();
        assertThat(get("/api/emails/" + id).json().get("renderings")).hasSize(2);
        assertThat(get("/api/emails/nope").status()).isEqualTo(404);
        assertThat(get("/api/emails?participant=dana@" + tag + ".example&from=2019-03-12").json().get("total").asInt()).isZero();
        assertThat(get("/api/emails?from=yesterday").status()).isEqualTo(400);
    }
}
