package com.arbalert.bot.spi;

/** How the scanner wrote a call's odds. */
public enum OddsFormat {
    /** -110 (stake 110 to win 100) or +105 (stake 100 to win 105); |odds| >= 100. */
    AMERICAN,
    /** Decimal odds, the total return per unit staked; >= 1.01. */
    DECIMAL
}
