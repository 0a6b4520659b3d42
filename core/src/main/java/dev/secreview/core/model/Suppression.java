package dev.secreview.core.model;

/** Why a finding is not counted: the inline directive that silenced it and the line it stands on. */
public record Suppression(String directive, int line) {
}
