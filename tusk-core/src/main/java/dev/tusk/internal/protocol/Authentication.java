package dev.tusk.internal.protocol;

/** An authentication request or outcome (type 'R'); the kind is the int32 code that starts it. */
public sealed interface Authentication extends BackendMessage
    permits AuthenticationOk,
        AuthenticationCleartextPassword,
        AuthenticationMD5Password,
        AuthenticationGSS,
        AuthenticationGSSContinue,
        AuthenticationSASL,
        AuthenticationSASLContinue,
        AuthenticationSASLFinal,
        AuthenticationUnsupported {}
