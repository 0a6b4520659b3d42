package dev.secreview.dataflow.model;

import java.util.List;

/**
 * Which argument of a call a model entry is about: a position, a keyword name, either ({@code 0,cmd}:
 * the first positional argument or the keyword {@code cmd}), any argument ({@code *}), or the
 * receiver of a method call ({@code receiver}).
 */
public record ArgumentSelector(List<Integer> positions, List<String> keywords, boolean any, boolean receiver) {

    public static ArgumentSelector parse(String spec) {
        if (spec.equals("*")) return new ArgumentSelector(List.of(), List.of(), true, false);
        if (spec.equals("receiver")) return new ArgumentSelector(List.of(), List.of(), false, true);
        List<Integer> positions = new java.util.ArrayList<>();
        List<String> keywords = new java.util.ArrayList<>();
        for (String part : spec.split(",")) {
            if (part.chars().allMatch(Character::isDigit)) positions.add(Integer.parseInt(part));
            else keywords.add(part);
        }
        return new ArgumentSelector(List.copyOf(positions), List.copyOf(keywords), false, false);
    }

    public boolean selects(int position, String keyword) {
        if (any) return true;
        return keyword == null ? positions.contains(position) : keywords.contains(keyword);
    }
}
