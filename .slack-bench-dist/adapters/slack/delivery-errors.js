import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../src/ports/messenger.js';
/**
 * Slack error codes after which trying again cannot help (the channel is gone, the bot was
 * removed, the token revoked): the delivery is recorded as failed with a message an admin can act on.
 */
const PERMANENT = {
    channel_not_found: 'the channel does not exist or the bot cannot see it',
    not_in_channel: 'the bot is not a member of the channel: invite it with /invite @dutybot',
    is_archived: 'the channel is archived',
    invalid_auth: 'the bot token is not valid (reinstall the app)',
    account_inactive: 'the bot token was revoked (reinstall the app)',
    token_revoked: 'the bot token was revoked (reinstall the app)',
    not_authed: 'no bot token was sent',
    missing_scope: 'the app lacks a scope: reinstall it from the manifest',
    msg_too_long: 'the message is too long',
    invalid_blocks: 'Slack rejected the message layout',
    cant_update_message: 'the message can no longer be updated',
    message_not_found: 'the message to update was deleted',
    user_not_found: 'the user does not exist',
    cannot_dm_bot: 'the user is a bot',
    restricted_action: 'a workspace policy forbids this post',
};
/** Turns a Web API failure into the outbox's language: retry later, or give up with a reason. */
export function toDeliveryError(error, what) {
    if (error instanceof DeliveryError)
        return error;
    const coded = error;
    switch (coded.code) {
        case webApi.ErrorCode.RateLimitedError:
            return new DeliveryError(`${what}: rate limited by Slack`, true, (coded.retryAfter ?? 30) * 1000);
        case webApi.ErrorCode.PlatformError: {
            const slackError = coded.data?.error ?? 'unknown_error';
            const reason = PERMANENT[slackError];
            if (reason)
                return new DeliveryError(`${what}: ${slackError} — ${reason}`, false);
            if (slackError === 'ratelimited')
                return new DeliveryError(`${what}: rate limited by Slack`, true, 30_000);
            return new DeliveryError(`${what}: Slack answered ${slackError}`, true);
        }
        case webApi.ErrorCode.HTTPError:
            return new DeliveryError(`${what}: Slack answered HTTP ${coded.statusCode ?? '?'}`, true);
        case webApi.ErrorCode.RequestError:
            return new DeliveryError(`${what}: Slack could not be reached`, true);
        default:
            return new DeliveryError(`${what}: ${error instanceof Error ? error.message : String(error)}`, true);
    }
}
//# sourceMappingURL=delivery-errors.js.map