import { definePolicy } from '@app/core';

/**
 * Who may do what with reports beyond their subject. Requesting, reading and downloading a report is
 * whoever may read its subject: each kind's `authorize`, the subject's own read check, decides that.
 */
export const reportsPolicy = definePolicy({
  /**
   * Everyone's reports in the list, and why anyone's report failed (a failed report carries nothing of
   * its subject): the admin, who answers for the service. The requester sees its own.
   */
  seeEveryonesReports: ['admin'],
});
