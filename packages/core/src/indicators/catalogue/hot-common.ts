/** SQL shared by the 12345 hotline indicators (DOMAIN §5, §7.d). */

/** 无效/作废 tickets (prank calls, test records) are not 受理 and stay out of every population. */
export const NOT_VOID = "coalesce(status, '') <> 'void'";

export const IS_CLOSED = "(closed_at IS NOT NULL OR status = 'closed')";

/** A callback that produced an evaluation: unanswered or refused callback attempts did not. */
export const VALID_CALLBACK =
  "(callback_result IS NOT NULL AND callback_result NOT IN ('unreachable', 'declined'))";
