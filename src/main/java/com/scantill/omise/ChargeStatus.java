package com.scantill.omise;

import com.google.gson.annotations.SerializedName;

/** A charge's status; a status this version does not know reads as {@link #UNKNOWN}, never as an error. */
public enum ChargeStatus {
    @SerializedName("pending") PENDING,
    @SerializedName("successful") SUCCESSFUL,
    @SerializedName("failed") FAILED,
    @SerializedName("expired") EXPIRED,
    @SerializedName("reversed") REVERSED,
    UNKNOWN;

    public boolean isFinal() {
        return this != PENDING && this != UNKNOWN;
    }
}
