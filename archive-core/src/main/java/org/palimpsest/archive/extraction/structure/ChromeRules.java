package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.SegmentKind;

/**
 * Tells site and newsletter boilerplate from content, line by line and then over runs of blocks.
 *
 * <p>Line rules, for a block that is a single line: a line of nothing but separators ({@code |}, dashes,
 * dots); a footer line naming unsubscription or copyright (up to {@value #MAX_FOOTER_LINE} code points, so a
 * long sentence about unsubscribing stays content); a button or counter whose letters, once counts and
 * punctuation are removed, are exactly a known label in English, Korean, Japanese or Chinese ("Share",
 * "공유하기", "いいね", "评论", "コメント 12件", "댓글 3개", "3 emails"); a short line (at most
 * {@value #MAX_KEYWORD_LETTERS} letters) containing a call to share, follow or subscribe. Labels are matched
 * whole, never as words inside a sentence: "the share price fell" is content.
 *
 * <p>Run rules: a "related posts" marker (a heading or a lone line: Related posts, 관련 기사, 関連記事, 相关文章 …)
 * is chrome together with what hangs under it up to the next heading: list items of a list that starts after
 * the marker, images and paragraphs that are nothing but links; anything else ends the section. A list that
 * merely continues past the marker (a newsletter's numbered sections) is not swallowed. And a button bar: a
 * run of at least {@value #MIN_BAR} very short lines (separators aside, none ending with a full stop) of
 * which more than half are chrome is chrome as a whole, which catches labels no lexicon knows ("報酬" between
 * "コメント" and "共有").
 */
final class ChromeRules {

    static final int MAX_FOOTER_LINE = 200;
    static final int MAX_KEYWORD_LETTERS = 24;
    /** Fewer short lines than this are a title and a label, not a bar of buttons. */
    private static final int MIN_BAR = 3;
    /** Letters and digits of a line that can sit in a button bar. */
    private static final int MAX_BAR_ITEM = 12;
    /** Footers that end like a sentence must be shorter than this to count. */
    private static final int MAX_FOOTER_SENTENCE = 120;

    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[ \\t\\u3000]+[|¦│]+[ \\t\\u3000]*$");
    /** The bars of {@link #TRAILING_SEPARATOR}: a line without one has no trailing separator. */
    private static final String TRAILING_SEPARATOR_CHARS = "|¦│";
    private static final String SEPARATOR_CHARS = "|¦│┃—–-_=*·•・~.…";
    /** What separates buttons laid out on one line; narrower than SEPARATOR_CHARS so sentences never split. */
    private static final Pattern BUTTON_SEPARATOR = Pattern.compile("\\s*[|¦│┃｜·•・/]\\s*");
    /** The marks of {@link #BUTTON_SEPARATOR}: a line without one is no row of buttons. */
    private static final String BUTTON_SEPARATOR_CHARS = "|¦│┃｜·•・/";
    private static final Pattern SEPARATOR_ONLY = Pattern.compile("[\\s" + Pattern.quote(SEPARATOR_CHARS) + "]+");
    /** A count with its unit or counter word: "12", "1,204", "3개의", "12件の", "5条", "3封". */
    private static final Pattern COUNT = Pattern.compile(
            "\\d[\\d,.]*\\s*(?:개의|개|件の|件|個|条|條|封|則|회|次|명|人|k\\b|만)?");

    private static final List<String> FOOTER_PHRASES = List.of(
            "unsubscribe", "opt out", "opt-out", "manage your preferences", "manage preferences",
            "update your preferences", "수신거부", "수신 거부", "구독 취소", "구독취소", "구독 해지", "구독해지",
            "配信停止", "配信解除", "購読解除", "購読停止", "登録解除", "退订", "取消订阅", "退訂",
            "©", "all rights reserved", "무단전재", "무단 전재", "재배포 금지", "재배포금지", "無断転載", "無断複製",
            "版权所有", "版權所有");
    private static final Pattern FOOTER_START = Pattern.compile("^(?:copyright\\b|\\(c\\)\\s*\\d{4})");

    /** Button and toggle labels, lower-cased, letters only. */
    private static final Set<String> BUTTONS = Set.of(
            "share", "sharethis", "sharethispost", "sharethisarticle", "shareonfacebook", "shareontwitter",
            "shareonx", "shareonlinkedin", "like", "likes", "liked", "unlike", "comment", "comments",
            "nocomments", "leaveacomment", "writeacomment", "addacomment", "reply", "replies", "follow",
            "followus", "following", "unfollow", "tweet", "retweet", "repost", "subscribe", "subscribenow",
            "subscribed", "unsubscribe", "signup", "readmore", "seemore", "showmore", "loadmore", "viewmore",
            "more", "continuereading", "print", "bookmark", "showoriginal", "seeoriginal", "vieworiginal",
            "originaltext", "seetranslation", "showtranslation", "copylink", "views", "upvote", "downvote",
            "공유", "공유하기", "좋아요", "좋아요취소", "댓글", "댓글쓰기", "댓글달기", "댓글없음", "댓글보기", "답글",
            "답글쓰기", "팔로우", "팔로잉", "팔로우하기", "구독", "구독하기", "구독중", "구독취소", "수신거부", "더보기",
            "더읽기", "원문보기", "번역보기", "신고", "신고하기", "스크랩", "인쇄", "조회", "조회수", "공감",
            "いいね", "コメント", "コメントする", "コメントなし", "コメントを書く", "コメントを見る", "返信", "シェア",
            "シェアする", "共有", "共有する", "フォロー", "フォローする", "フォロー中", "購読", "購読する", "配信停止",
            "もっと見る", "続きを読む", "原文表示", "原文を表示", "翻訳を表示", "翻訳を見る", "通報", "ブックマーク",
            "ツイート", "リポスト",
            "分享", "点赞", "赞", "评论", "暂无评论", "发表评论", "回复", "关注", "已关注", "订阅", "退订", "收藏",
            "转发", "阅读全文", "查看原文", "显示原文", "阅读更多", "展开", "举报", "打赏", "評論", "留言", "按讚",
            "訂閱", "關注", "分享到");

    /** Nouns that are chrome only with a count beside them: "3 emails" (a thread counter), "댓글 3개". */
    private static final Set<String> COUNTED = Set.of(
            "email", "emails", "message", "messages", "view", "views", "comments", "likes", "shares", "replies",
            "이메일", "메일", "댓글", "좋아요", "조회", "공유", "メール", "コメント", "いいね", "閲覧", "シェア",
            "邮件", "评论", "阅读", "点赞", "分享", "回复");

    /** Headings or lone lines that open a list of links to other posts. */
    private static final Set<String> RELATED = Set.of(
            "related", "relatedposts", "relatedarticles", "relatedstories", "relatedreading", "relatedcontent",
            "relatedlinks", "relatednews", "youmayalsolike", "youmightalsolike", "moretoread", "recommendedposts",
            "recommendedarticles", "관련기사", "관련글", "관련포스트", "관련게시물", "관련뉴스", "추천기사", "추천글",
            "関連記事", "関連する投稿", "関連投稿", "関連リンク", "関連ニュース", "おすすめ記事", "あわせて読みたい",
            "相关文章", "相关阅读", "相关推荐", "相关新闻", "相關文章", "相關閱讀", "推荐阅读", "延伸阅读");

    /** Calls to action that make a short line chrome wherever they sit in it. */
    private static final Pattern SHORT_CALLS = Pattern.compile(
            "\\b(?:share (?:this|on|via|to)|subscribe (?:to|now|for|here)|follow us|follow me|read more"
                    + "|sign up (?:for|now|here)|like us on)\\b"
                    + "|공유하기|구독하기|구독 신청|팔로우하기|シェアする|購読する|フォローする|分享到|点击订阅|关注我们|订阅我们");

    /**
     * The most letters a line can have and still be a label of the lexicons or a short call to action: a longer line
     * is none of them, which a count tells without cutting the line into labels (most lines are sentences).
     */
    private static final int LONGEST_LABEL = Stream.of(BUTTONS, RELATED, COUNTED).flatMap(Set::stream)
            .mapToInt(label -> label.codePointCount(0, label.length())).reduce(MAX_KEYWORD_LETTERS, Math::max);

    private ChromeRules() {
    }

    /** Marks chrome blocks; the list keeps its length and order. */
    static List<Block> apply(List<Block> blocks, String text, List<CharRange> links) {
        return applyRunRules(applyLineRules(blocks, text), text, links);
    }

    /**
     * The first half of {@link #apply}: the rules that judge each block by its own line, so they may run on any part of
     * the text that holds whole blocks.
     */
    static List<Block> applyLineRules(List<Block> blocks, String text) {
        List<Block> out = new ArrayList<>(blocks);
        for (int i = 0; i < out.size(); i++) {
            Block block = out.get(i);
            if (!block.chrome() && isLineChrome(block, text)) {
                out.set(i, block.asChrome());
            }
        }
        return out;
    }

    /** The second half of {@link #apply}: the rules over runs of blocks, which need every block of the text. */
    static List<Block> applyRunRules(List<Block> blocks, String text, List<CharRange> links) {
        List<Block> out = new ArrayList<>(blocks);
        markRelatedSections(out, text, links);
        markButtonBars(out, text);
        return out;
    }

    /** True when {@code line}, on its own, is boilerplate. */
    static boolean isChromeLine(String line) {
        return isChromeLine(line, true);
    }

    /**
     * As {@link #isChromeLine(String)}; without {@code shortcuts}, every line is cut into labels and looked up, however
     * long, which must give the same verdict (the tests compare the two).
     */
    static boolean isChromeLine(String line, boolean shortcuts) {
        String s = withoutTrailingSeparator(line).strip();
        if (s.isEmpty() || SEPARATOR_ONLY.matcher(AnalysisBudget.watch(s)).matches()) {
            return true;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (isFooter(lower)) {
            return true;
        }
        if (isButtonRow(lower, shortcuts)) {
            return true;
        }
        if (shortcuts && Label.longerThan(lower, LONGEST_LABEL)) {
            return false;
        }
        Label label = Label.of(lower);
        if (label.letters().isEmpty()) {
            return false;
        }
        if (BUTTONS.contains(label.letters()) || RELATED.contains(label.letters())) {
            return true;
        }
        if (label.counted() && COUNTED.contains(label.letters())) {
            return true;
        }
        return label.letterCount() <= MAX_KEYWORD_LETTERS && SHORT_CALLS.matcher(AnalysisBudget.watch(lower)).find();
    }

    /** A row of buttons on one line, "Share | Like | Comment": every separated piece is a button label. */
    private static boolean isButtonRow(String lower, boolean shortcuts) {
        if (shortcuts && !containsAny(lower, BUTTON_SEPARATOR_CHARS)) {
            return false;
        }
        String[] pieces = BUTTON_SEPARATOR.split(lower);
        if (pieces.length < 2) {
            return false;
        }
        for (String piece : pieces) {
            Label label = Label.of(piece.strip());
            if (piece.isBlank()) {
                continue;
            }
            boolean button = BUTTONS.contains(label.letters()) || (label.counted() && COUNTED.contains(label.letters()));
            if (!button) {
                return false;
            }
        }
        return true;
    }

    /** True for a line of nothing but separator characters. */
    static boolean isSeparatorLine(String line) {
        String s = line.strip();
        return s.isEmpty() || SEPARATOR_ONLY.matcher(AnalysisBudget.watch(s)).matches();
    }

    /**
     * Where a trailing {@code " |"} separator run starts in {@code line} (scraped table cells and newsletter
     * layout leave them), or the line's length when there is none or nothing would be left before it.
     */
    static int trailingSeparatorStart(String line) {
        if (!containsAny(line, TRAILING_SEPARATOR_CHARS)) {
            return line.length();
        }
        Matcher m = TRAILING_SEPARATOR.matcher(AnalysisBudget.watch(line));
        if (m.find() && !line.substring(0, m.start()).isBlank()) {
            return m.start();
        }
        return line.length();
    }

    private static String withoutTrailingSeparator(String line) {
        return line.substring(0, trailingSeparatorStart(line));
    }

    private static boolean isFooter(String lower) {
        int length = lower.codePointCount(0, lower.length());
        if (length > MAX_FOOTER_LINE) {
            return false;
        }
        boolean named = FOOTER_START.matcher(AnalysisBudget.watch(lower)).find() || FOOTER_PHRASES.stream().anyMatch(lower::contains);
        return named && (length <= MAX_FOOTER_SENTENCE || !LineShape.endsSentence(lower));
    }

    private static boolean isLineChrome(Block block, String text) {
        if (!isLineKind(block.kind())) {
            return false;
        }
        if (block.kind() == SegmentKind.LIST_ITEM && block.content().isEmpty()) {
            return true; // a bullet with nothing after it: scraped layout, not an item
        }
        return block.isSingleLine(text) && isChromeLine(block.contentText(text));
    }

    private static boolean isLineKind(SegmentKind kind) {
        return Block.isRunningText(kind) || kind == SegmentKind.LIST_ITEM || kind == SegmentKind.HEADING;
    }

    private static boolean isRelatedMarker(Block block, String text) {
        if (!(block.kind() == SegmentKind.HEADING || Block.isRunningText(block.kind())) || !block.isSingleLine(text)) {
            return false;
        }
        String lower = block.contentText(text).toLowerCase(Locale.ROOT);
        return !Label.longerThan(lower, LONGEST_LABEL) && RELATED.contains(Label.of(lower).letters());
    }

    private static boolean containsAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void markRelatedSections(List<Block> blocks, String text, List<CharRange> links) {
        for (int i = 0; i < blocks.size(); i++) {
            Block marker = blocks.get(i);
            if (!isRelatedMarker(marker, text)) {
                continue;
            }
            if (!marker.chrome()) {
                blocks.set(i, marker.asChrome());
            }
            for (int j = i + 1; j < blocks.size(); j++) {
                Block next = blocks.get(j);
                if (next.kind() == SegmentKind.HEADING) {
                    break;
                }
                if (next.chrome()) {
                    continue;
                }
                boolean listUnderMarker = next.kind() == SegmentKind.LIST_ITEM
                        && next.listStart() > marker.range().start();
                if (listUnderMarker || next.kind() == SegmentKind.IMAGE || isLinksOnly(next, text, links)) {
                    blocks.set(j, next.asChrome());
                } else {
                    break;
                }
            }
        }
    }

    private static boolean isLinksOnly(Block block, String text, List<CharRange> links) {
        if (!Block.isRunningText(block.kind())) {
            return false;
        }
        CharRange content = block.content();
        boolean anyLink = false;
        for (int i = content.start(); i < content.end(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || SEPARATOR_CHARS.indexOf(c) >= 0) {
                continue;
            }
            int at = i;
            if (links.stream().noneMatch(link -> link.contains(at))) {
                return false;
            }
            anyLink = true;
        }
        return anyLink;
    }

    private static void markButtonBars(List<Block> blocks, String text) {
        int i = 0;
        while (i < blocks.size()) {
            if (!isBarItem(blocks.get(i), text)) {
                i++;
                continue;
            }
            List<Integer> members = new ArrayList<>();
            int j = i;
            // Separator lines between buttons neither count nor end the bar.
            while (j < blocks.size() && (isBarItem(blocks.get(j), text) || isSeparatorBlock(blocks.get(j), text))) {
                if (isBarItem(blocks.get(j), text)) {
                    members.add(j);
                }
                j++;
            }
            long chrome = members.stream().filter(k -> blocks.get(k).chrome()).count();
            if (members.size() >= MIN_BAR && chrome * 2 > members.size()) {
                members.forEach(k -> {
                    if (!blocks.get(k).chrome()) {
                        blocks.set(k, blocks.get(k).asChrome());
                    }
                });
            }
            i = j;
        }
    }

    private static boolean isBarItem(Block block, String text) {
        if (!(Block.isRunningText(block.kind()) || block.kind() == SegmentKind.LIST_ITEM)
                || !block.isSingleLine(text)) {
            return false;
        }
        String content = block.contentText(text);
        if (isSeparatorLine(content)) {
            return false;
        }
        if (block.chrome()) {
            return true;
        }
        // A short sentence ("本文です。") is content even beside buttons; a button never ends with a stop.
        long visible = content.codePoints().filter(Character::isLetterOrDigit).count();
        return visible <= MAX_BAR_ITEM && !LineShape.endsWithStop(content);
    }

    private static boolean isSeparatorBlock(Block block, String text) {
        return block.chrome() && isSeparatorLine(block.contentText(text));
    }

    /**
     * A line reduced to its letters for lexicon look-up, counts removed: "コメント 12件" and "댓글 3개" become
     * "コメント" and "댓글".
     */
    private record Label(String letters, boolean counted) {

        static Label of(String lower) {
            Matcher m = COUNT.matcher(AnalysisBudget.watch(lower));
            boolean counted = m.find();
            String rest = m.replaceAll(" ");
            StringBuilder letters = new StringBuilder();
            rest.codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
            return new Label(letters.toString(), counted);
        }

        int letterCount() {
            return letters.codePointCount(0, letters.length());
        }

        /**
         * True when the label of {@code lower} has more than {@code most} letters, told without making it: a count
         * removes at most its two-letter counter word ("개의", "件の") and starts with a digit, so the label keeps at
         * least the line's letters less two per digit.
         */
        static boolean longerThan(String lower, int most) {
            int letters = 0;
            int digits = 0;
            for (int i = 0; i < lower.length(); ) {
                int cp = lower.codePointAt(i);
                if (Character.isLetter(cp)) {
                    letters++;
                } else if (Character.isDigit(cp)) {
                    digits++;
                }
                i += Character.charCount(cp);
            }
            return letters - 2L * digits > most;
        }
    }
}
