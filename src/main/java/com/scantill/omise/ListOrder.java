package com.scantill.omise;

import com.google.gson.annotations.SerializedName;

public enum ListOrder {
    @SerializedName("chronological") CHRONOLOGICAL("chronological"),
    @SerializedName("reverse_chronological") REVERSE_CHRONOLOGICAL("reverse_chronological"),
    UNKNOWN("");

    private final String apiValue;

    ListOrder(String apiValue) {
        this.apiValue = apiValue;
    }

    public String apiValue() {
        return apiValue;
    }
}
