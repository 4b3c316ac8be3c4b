namespace Okno.Channels.Connectors;

/// <summary>The connector API as the OpenAPI document tells it (the endpoints' descriptions), with a worked example of
/// both directions; README "## Connector API" says the same.</summary>
public static class ConnectorDocs
{
    public const string Signing =
        "**Signing (both directions).** `X-Okno-Timestamp: <unix seconds>` and `X-Okno-Signature: sha256=<hex>`, where hex is the lower-case " +
        "HMAC-SHA256, keyed with the connector's secret (UTF-8), of `\"{timestamp}.{body}\"` over the exact body bytes — the scheme of Okno's " +
        "outgoing webhooks. Okno refuses a request whose timestamp is more than 5 minutes from its clock (a replay), and a bridge should do the same.\n\n";

    public const string Inbound =
        "**Connector → Okno.** `POST /api/v1/channels/{id}/inbound`, `Content-Type: application/json`:\n\n" +
        "```json\n{\"conversationId\": \"wa-79991234567\", \"userId\": \"wa:79991234567\", \"userName\": \"Анна\", \"messageId\": \"wamid.HBgL\",\n" +
        " \"text\": \"Здравствуйте, заказ не пришёл\",\n" +
        " \"attachments\": [{\"fileName\": \"check.jpg\", \"contentType\": \"image/jpeg\", \"url\": \"https://media.example/check.jpg\"},\n" +
        "                 {\"fileName\": \"note.txt\", \"contentType\": \"text/plain\", \"base64\": \"0J/RgNC40LLQtdGC\"}],\n" +
        " \"buttonPayload\": null}\n```\n\n" +
        "conversationId, userId and messageId are required (at most 100 characters each); text, attachments (at most 10, 20 MB each, by url " +
        "— fetched by Okno from public addresses only — or base64) or buttonPayload (a button's payload, then text is its label) at least one. " +
        "userId identifies the contact across all connectors: prefix it with the messenger (`wa:`, `viber:`) when ids could clash. " +
        "A conversation's messages continue the user's open ticket; after it is closed the next one opens a new ticket. " +
        "The same conversationId and messageId again is stored once (resend freely). " +
        "Answers: 200 `{\"received\": 1, \"stored\": 1}` (stored 0: a repeat); 401 `connector.bad_signature` or `connector.stale_timestamp` " +
        "(nothing stored); 400 `connector.invalid_message` naming the field; 413 too large; 429 with Retry-After when the account's rate " +
        "limit (Okno:Channels:PushRequestsPerMinute) is reached.\n\n" +
        "```sh\nbody='{\"conversationId\":\"c1\",\"userId\":\"wa:7999\",\"userName\":\"Anna\",\"messageId\":\"m1\",\"text\":\"Hello\"}'\n" +
        "ts=$(date +%s)\n" +
        "sig=$(printf '%s.%s' \"$ts\" \"$body\" | openssl dgst -sha256 -hmac \"$SECRET\" -hex | sed 's/^.* //')\n" +
        "curl -X POST https://help.example.com/api/v1/channels/42/inbound -H 'Content-Type: application/json' \\\n" +
        "  -H \"X-Okno-Timestamp: $ts\" -H \"X-Okno-Signature: sha256=$sig\" --data-binary \"$body\"\n```\n\n";

    public const string Outbound =
        "**Okno → connector.** An agent's reply is POSTed to the callback URL, signed the same way, with `X-Okno-Event: reply` and " +
        "`Idempotency-Key` (the same on every attempt of one delivery: drop repeats):\n\n" +
        "```json\n{\"event\": \"reply\", \"messageId\": 1234, \"ticketNumber\": 10023, \"conversationId\": \"c1\", \"userId\": \"wa:7999\", \"inReplyTo\": \"m1\",\n" +
        " \"text\": \"Добрый день! Проверим.\", \"attachments\": [{\"fileName\": \"label.pdf\", \"contentType\": \"application/pdf\",\n" +
        " \"url\": \"https://help.example.com/api/v1/channels/files/<sha256>?name=label.pdf&type=application%2Fpdf&sig=…\"}],\n" +
        " \"buttons\": [{\"payload\": \"yes\", \"label\": \"Да\"}]}\n```\n\n" +
        "Files are signed links valid for 7 days. `buttons` is filled only when the connector has supportsButtons; otherwise the choices are a " +
        "numbered menu at the end of text and the customer's reply of the number comes back as text. A 2xx answer means sent (an optional " +
        "`{\"messageId\": \"…\"}` is kept as the message's id); 5xx, 429, 408 or no answer are tried again with backoff by the delivery queue; " +
        "any other answer fails the reply, and its reason shows on the ticket. Callback URLs must be public addresses unless their host is " +
        "on the webhook allow-list (`PUT /api/v1/webhooks/allowed-hosts`).";

    public const string Description = Signing + Inbound + Outbound;

    public const string InboundDescription =
        "Each kind checks its own request before anything is stored. **web**: header X-Okno-Token, a small JSON item. **vk**: VK's Callback API " +
        "(the secret key in each event; `confirmation` is answered with the confirmation code, events with the text `ok`). **connector**: " +
        "see below.\n\n" + Description;
}
