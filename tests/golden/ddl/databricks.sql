CREATE TABLE IF NOT EXISTS activecampaign.accounts (
  id BIGINT NOT NULL COMMENT 'Account ID.',
  account_url STRING COMMENT 'URL recorded for the account.',
  contact_count BIGINT COMMENT 'Number of contacts linked to the account.',
  created_timestamp TIMESTAMP COMMENT 'When the account was created.',
  deal_count BIGINT COMMENT 'Number of deals associated with the account.',
  name STRING COMMENT 'The account name.',
  owner BIGINT COMMENT 'ID of the account owner.',
  updated_timestamp TIMESTAMP COMMENT 'When the account was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Accounts managed in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.account_contacts (
  id BIGINT NOT NULL COMMENT 'Association ID between account and contact.',
  `account` BIGINT COMMENT 'Account ID',
  contact BIGINT COMMENT 'Contact ID',
  created_timestamp TIMESTAMP COMMENT 'Creation datetime of the account-contact link.',
  job_title STRING COMMENT 'Job Title of the contact at the account',
  updated_timestamp TIMESTAMP COMMENT 'When the account-contact link was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'ActiveCampaign relationships between accounts and contacts.';

CREATE TABLE IF NOT EXISTS activecampaign.account_custom_field_data (
  id BIGINT NOT NULL COMMENT 'Custom field value ID.',
  account_id BIGINT COMMENT 'The ID of the account this field value relates to',
  created_timestamp TIMESTAMP COMMENT 'When the custom field value was created.',
  custom_field_id BIGINT COMMENT 'The ID of the custom field metum this field value relates to',
  field_currency STRING COMMENT 'Currency code for the money value',
  field_value STRING COMMENT 'Values for the field',
  updated_timestamp TIMESTAMP COMMENT 'When the custom field value was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'ActiveCampaign account custom field values with currency and links to accounts/field meta.';

CREATE TABLE IF NOT EXISTS activecampaign.account_custom_field_meta (
  id BIGINT NOT NULL COMMENT 'Custom field ID.',
  created_by BIGINT COMMENT 'User who created the field.',
  created_timestamp TIMESTAMP COMMENT 'When the field was created.',
  display_order BIGINT COMMENT 'Order for displaying the field on Manage Fields page and deal profiles',
  field_default STRING COMMENT 'Default value of the field',
  field_default_currency STRING COMMENT 'Default currency for the field (3-letter code).',
  field_label STRING COMMENT 'Name of the field',
  field_options STRING COMMENT 'Options for the field.',
  field_type STRING COMMENT 'Type of field. Possible values are: text, textarea, date, datetime, dropdown, multiselect, radio, checkbox, hidden, currency, or number.',
  hide_field_flag BIGINT COMMENT 'Whether the field is hidden (1) or visible (0).',
  is_form_visible BIGINT COMMENT 'Whether or not the field is visible on forms',
  is_required BIGINT COMMENT 'Whether the field is required (1) or optional (0).',
  known_field_id BIGINT COMMENT 'Identifier if the field maps to a known predefined field.',
  personalization STRING COMMENT 'Personalization tag for using the field in messages.',
  updated_by BIGINT COMMENT 'User who last updated the field.',
  updated_timestamp TIMESTAMP COMMENT 'When the field was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'ActiveCampaign account custom field metadata.';

CREATE TABLE IF NOT EXISTS activecampaign.account_notes (
  id BIGINT NOT NULL COMMENT 'Note ID.',
  `account` BIGINT COMMENT 'Account ID linked to the note.',
  cdate TIMESTAMP COMMENT 'When the note was created.',
  is_draft BIGINT COMMENT 'Whether the note is in draft status (1) or published (0).',
  mdate TIMESTAMP COMMENT 'When the note was last modified.',
  note STRING COMMENT 'Text of the note.',
  owner_id BIGINT COMMENT 'ID of the note owner.',
  owner_type STRING COMMENT 'Type of owner tied to the note (e.g., account).',
  userid BIGINT COMMENT 'ID of the user who created the note.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Notes recorded on accounts in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.campaigns (
  id BIGINT NOT NULL COMMENT 'id of the automation',
  activerss_interval STRING COMMENT 'Interval used for ActiveRSS schedule.',
  activerss_items BIGINT COMMENT 'Number of items pulled from the RSS feed.',
  activerss_url STRING COMMENT 'RSS feed URL connected to the campaign.',
  addressid BIGINT COMMENT 'Sender address profile ID for the campaign.',
  analytics_campaign_name STRING COMMENT 'Custom campaign name used in analytics tracking.',
  automation BIGINT COMMENT 'Automation ID tied to the campaign.',
  basemessageid BIGINT COMMENT 'Base message ID from which the campaign was created.',
  basetemplateid STRING COMMENT 'Base template ID applied to the campaign.',
  bounceid BIGINT COMMENT 'Bounce handling profile ID.',
  can_skip_approval BIGINT COMMENT 'Flag indicating if the campaign can skip approval.',
  cdate TIMESTAMP COMMENT 'When the campaign was created.',
  created_timestamp TIMESTAMP COMMENT 'Timestamp when the campaign record was created.',
  embed_images BIGINT COMMENT 'Flag to embed images in the email body.',
  facebook BIGINT COMMENT 'Flag enabling Facebook sharing.',
  formid BIGINT COMMENT 'Form ID associated with the campaign.',
  forwards BIGINT COMMENT 'Number of forwards.',
  hardbounces BIGINT COMMENT 'Hard bounce count.',
  has_predictive_content BIGINT COMMENT 'Flag indicating predictive content availability.',
  htmlunsub BIGINT COMMENT 'HTML content used for unsubscribe.',
  htmlunsubdata STRING COMMENT 'Additional HTML data for unsubscribe content.',
  ip STRING COMMENT 'IP address logged when the campaign was created.',
  ip4 STRING COMMENT 'IPv4 address logged for the campaign.',
  laststep STRING COMMENT 'Last workflow step executed for the campaign.',
  ldate TIMESTAMP COMMENT 'When the campaign was last modified.',
  linkclicks BIGINT COMMENT 'Total link clicks.',
  mail_cleanup BIGINT COMMENT 'Flag controlling mailbox cleanup after send.',
  mail_send BIGINT COMMENT 'Flag controlling whether the campaign should send.',
  mail_transfer BIGINT COMMENT 'Flag controlling mail transfer handling.',
  mailer_log_file BIGINT COMMENT 'Name of the mailer log file.',
  managetext BIGINT COMMENT 'Plain-text manage-subscription content.',
  mdate TIMESTAMP COMMENT 'When the campaign was last updated.',
  name STRING COMMENT 'Campaign name.',
  opens BIGINT COMMENT 'Total opens.',
  `public` BIGINT COMMENT 'Flag indicating if the campaign is public.',
  realcid BIGINT COMMENT 'Internal real campaign identifier.',
  recurring STRING COMMENT 'Flag indicating if the campaign recurs.',
  reminder_field STRING COMMENT 'Reminder field value for scheduled sends.',
  reminder_format STRING COMMENT 'Format used for reminders.',
  reminder_last_cron_run STRING COMMENT 'When the reminder cron last ran.',
  reminder_offset BIGINT COMMENT 'Offset value for reminder timing.',
  reminder_offset_sign STRING COMMENT 'Offset sign applied to reminder timing.',
  reminder_offset_type STRING COMMENT 'Offset unit for reminder timing.',
  reminder_type STRING COMMENT 'Reminder type used for the campaign.',
  replies BIGINT COMMENT 'Number of replies.',
  replysys BIGINT COMMENT 'Flag for using system reply address.',
  responder_existing BIGINT COMMENT 'Auto-responder behavior for existing contacts.',
  responder_offset BIGINT COMMENT 'Delay offset applied to responder sends.',
  responder_type STRING COMMENT 'Type of responder sequence.',
  schedule BIGINT COMMENT 'Scheduling status for the campaign.',
  scheduleddate STRING COMMENT 'Scheduled date and time for sending.',
  screenshot STRING COMMENT 'URL of the campaign screenshot.',
  sdate TIMESTAMP COMMENT 'Send date/time of the campaign.',
  segmentid BIGINT COMMENT 'Segment ID applied to the campaign.',
  segmentname STRING COMMENT 'Name of the segment applied to the campaign.',
  send_amt BIGINT COMMENT 'Number of recipients targeted.',
  sendid BIGINT COMMENT 'Send batch identifier.',
  series_send_lock_time STRING COMMENT 'Lock time before series send executes.',
  seriesid BIGINT COMMENT 'Series ID linked to the campaign.',
  socialshares BIGINT COMMENT 'Number of social shares.',
  softbounces BIGINT COMMENT 'Soft bounce count.',
  source STRING COMMENT 'Source indicator for how the campaign was created.',
  split_content BIGINT COMMENT 'Content variant details for split tests.',
  split_offset BIGINT COMMENT 'Offset value used in split scheduling.',
  split_offset_type STRING COMMENT 'Offset unit used in split scheduling.',
  split_type STRING COMMENT 'Type of split test configured.',
  split_winner_awaiting BIGINT COMMENT 'Flag indicating winner selection is pending.',
  split_winner_messageid BIGINT COMMENT 'Message ID of the winning variant.',
  status BIGINT COMMENT 'Status code of the campaign.',
  subscriberclicks BIGINT COMMENT 'Clicks recorded from subscribers.',
  survey STRING COMMENT 'Survey ID associated with the campaign.',
  textunsub BIGINT COMMENT 'Plain-text content used for unsubscribe.',
  textunsubdata STRING COMMENT 'Additional text data for unsubscribe content.',
  threadid BIGINT COMMENT 'Email thread identifier.',
  total_amt BIGINT COMMENT 'Total size of the campaign audience.',
  tracklinks STRING COMMENT 'Link tracking mode indicator.',
  tracklinksanalytics BIGINT COMMENT 'Analytics tracking setting for links.',
  trackreads BIGINT COMMENT 'Open tracking mode indicator.',
  trackreadsanalytics BIGINT COMMENT 'Analytics tracking setting for opens.',
  tweet BIGINT COMMENT 'Flag enabling Twitter sharing.',
  `type` STRING COMMENT 'Campaign type identifier.',
  uniqueforwards BIGINT COMMENT 'Unique forward count.',
  uniquelinkclicks BIGINT COMMENT 'Unique link clicks.',
  uniqueopens BIGINT COMMENT 'Unique opens.',
  uniquereplies BIGINT COMMENT 'Unique replies.',
  unsubreasons BIGINT COMMENT 'Aggregated reasons for unsubscribes.',
  unsubscribes BIGINT COMMENT 'Unsubscribe count.',
  updates BIGINT COMMENT 'Number of updates processed for the campaign.',
  use_quartz_scheduler BIGINT COMMENT 'Flag indicating the Quartz scheduler is used.',
  userid BIGINT COMMENT 'User ID that owns the campaign.',
  waitpreview BIGINT COMMENT 'Flag to wait for preview processing.',
  willrecur BIGINT COMMENT 'Flag indicating the campaign will recur.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Campaign settings and metrics.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_messages (
  id BIGINT NOT NULL COMMENT 'Message metrics record ID.',
  campaignid BIGINT COMMENT 'automation or campaign id',
  forwards BIGINT COMMENT 'Number of times the message was forwarded.',
  hardbounces BIGINT COMMENT 'Count of hard bounces for the message.',
  initial_split_percentage DOUBLE COMMENT 'Percentage used to split traffic for this variant.',
  linkclicks BIGINT COMMENT 'Total link clicks in the message.',
  messageid BIGINT COMMENT 'message id',
  opens BIGINT COMMENT 'Total opens for the message.',
  percentage DOUBLE COMMENT 'Percentage of audience this message variant received.',
  replies BIGINT COMMENT 'Number of replies recorded.',
  screenshot STRING COMMENT 'URL of the message screenshot.',
  send_amt BIGINT COMMENT 'Number of messages sent.',
  socialshares BIGINT COMMENT 'Count of social shares.',
  softbounces BIGINT COMMENT 'Count of soft bounces for the message.',
  sourcesize BIGINT COMMENT 'Size of the audience source for the send.',
  spamcheck_max DOUBLE COMMENT 'Maximum spam score allowed.',
  spamcheck_score DOUBLE COMMENT 'Spam score calculated for the message.',
  subject STRING COMMENT 'Message subject line.',
  subscriberclicks BIGINT COMMENT 'Unique subscriber link clicks.',
  total_amt BIGINT COMMENT 'Total recipients targeted by the message.',
  uniqueforwards BIGINT COMMENT 'Unique forward count.',
  uniquelinkclicks BIGINT COMMENT 'Unique link clicks.',
  uniqueopens BIGINT COMMENT 'Unique opens.',
  uniquereplies BIGINT COMMENT 'Unique replies.',
  unsubreasons BIGINT COMMENT 'Aggregated reasons for unsubscribe actions.',
  unsubscribes BIGINT COMMENT 'Unsubscribe count.',
  updates BIGINT COMMENT 'Number of updates processed for the message metrics.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Metrics for campaign messages.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_message_contents (
  id BIGINT NOT NULL COMMENT 'id of the message',
  cdate TIMESTAMP COMMENT 'When the message content was created.',
  charset STRING COMMENT 'Character set used for the message content.',
  ed_instanceid BIGINT COMMENT 'Editor instance identifier for the message.',
  ed_version BIGINT COMMENT 'Editor version used for the content.',
  encoding STRING COMMENT 'Email encoding type for the message.',
  format STRING COMMENT 'Format of the message content.',
  fromemail STRING COMMENT 'Sender email configured for the message.',
  fromname STRING COMMENT 'Sender name configured for the message.',
  has_predictive_content BIGINT COMMENT 'Flag indicating predictive content is enabled.',
  hidden BIGINT COMMENT 'Visibility flag for the message content.',
  htmlfetch STRING COMMENT 'When HTML content should be fetched.',
  mdate TIMESTAMP COMMENT 'When the message content was last modified.',
  name STRING COMMENT 'Internal name of the message content.',
  preheader_text STRING COMMENT 'Preheader Text',
  preview_data STRING COMMENT 'Preview payload used for rendering tests.',
  preview_mime STRING COMMENT 'MIME type used in the preview.',
  priority BIGINT COMMENT 'Priority level assigned to the message.',
  reply2 STRING COMMENT 'Reply email for the recipient to reply to',
  subject STRING COMMENT 'Subject of message',
  text STRING COMMENT 'text of the mensage. Obs. 1000 charecters limit',
  textfetch STRING COMMENT 'When plain-text content should be fetched.',
  userid BIGINT COMMENT 'User ID owning this message content.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Campaign message content details.';

CREATE TABLE IF NOT EXISTS activecampaign.contacts (
  id BIGINT NOT NULL COMMENT 'Contact ID.',
  adate TIMESTAMP COMMENT 'When the contact was added.',
  anonymized BIGINT COMMENT 'Flag indicating the contact was anonymized.',
  bounced_date DATE COMMENT 'Date of the last bounce event.',
  bounced_hard BIGINT COMMENT 'Hard bounce status flag.',
  bounced_soft BIGINT COMMENT 'Soft bounce status flag.',
  cdate TIMESTAMP COMMENT 'When the contact was created.',
  created_timestamp TIMESTAMP COMMENT 'When the contact record was created.',
  created_utc_timestamp TIMESTAMP COMMENT 'Creation timestamp stored without timezone.',
  deleted BIGINT COMMENT 'Flag indicating the contact was deleted.',
  deleted_at TIMESTAMP COMMENT 'When the contact was deleted.',
  edate TIMESTAMP COMMENT 'When the contact record was last edited.',
  email STRING COMMENT 'Email address of the new contact.',
  email_domain STRING COMMENT 'Domain portion of the contact email.',
  email_empty BOOLEAN COMMENT 'Flag indicating the email field is empty.',
  email_local STRING COMMENT 'Local part of the contact email.',
  first_name STRING COMMENT 'First name of the new contact.',
  gravatar BIGINT COMMENT 'Flag indicating if a Gravatar image is available.',
  `hash` STRING COMMENT 'Hashed identifier for the contact.',
  ip STRING COMMENT 'IP address captured for the contact.',
  last_name STRING COMMENT 'Last name of the new contact.',
  mpp_tracking BIGINT COMMENT 'Indicator for mail privacy protection tracking.',
  orgid BIGINT COMMENT 'Organization ID linked to the contact.',
  orgname STRING COMMENT 'Organization name linked to the contact.',
  phone STRING COMMENT 'Phone number of the contact.',
  rating_tstamp DATE COMMENT 'When the contact rating was last updated.',
  segmentio_id STRING COMMENT 'Segment.io identifier stored for the contact.',
  sentcnt BIGINT COMMENT 'Number of emails sent to the contact.',
  socialdata_lastcheck TIMESTAMP COMMENT 'When social data was last refreshed.',
  ua STRING COMMENT 'User agent string captured for the contact.',
  udate TIMESTAMP COMMENT 'When the contact was last updated.',
  updated_timestamp TIMESTAMP COMMENT 'When the record was last updated.',
  updated_utc_timestamp TIMESTAMP COMMENT 'Last update stored without timezone.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Contacts managed in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_field_values (
  id BIGINT NOT NULL COMMENT 'Custom field value ID.',
  cdate TIMESTAMP COMMENT 'When the contact custom field value was created.',
  contact BIGINT COMMENT 'ID of the contact',
  field BIGINT COMMENT 'ID of the custom field',
  owner BIGINT COMMENT 'ID of the user who owns the field value.',
  udate TIMESTAMP COMMENT 'When the custom field value was last updated.',
  value STRING COMMENT 'Value for the field',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Contact custom field values in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_custom_fields (
  id BIGINT NOT NULL COMMENT 'Custom field ID.',
  cdate TIMESTAMP COMMENT 'When the field was created.',
  cols BIGINT COMMENT 'Number of columns for layout (when applicable).',
  created_by BIGINT COMMENT 'User who created the field.',
  created_timestamp TIMESTAMP COMMENT 'When the field metadata was created.',
  defval STRING COMMENT 'Default value of the field created',
  descript STRING COMMENT 'Description of field being created',
  isrequired BIGINT COMMENT 'Whether the field is required (1) or optional (0).',
  ordernum BIGINT COMMENT 'Order of appearance in ‘My Fields’ tab.',
  perstag STRING COMMENT 'The perstag that represents the field created',
  `rows` BIGINT COMMENT 'Number of rows for layout (when applicable).',
  show_in_list BIGINT COMMENT 'Whether the field is shown in list views.',
  title STRING COMMENT 'Title of the field created',
  `type` STRING COMMENT 'Possible Values: dropdown, hidden, checkbox, date, text, datetime, textarea, NULL, listbox, radio',
  udate TIMESTAMP COMMENT 'When the field metadata was last updated (string).',
  updated_by BIGINT COMMENT 'User who last updated the field.',
  updated_timestamp TIMESTAMP COMMENT 'When the field metadata was last updated.',
  service STRING COMMENT 'Possible Vales: nimble, contactually, mindbody, salesforce, highrise, google_spreadsheets, pipedrive, onepage, google_contacts, freshbooks, shopify, zendesk, etsy, NULL, bigcommerce, capsule, bigcommerce_oauth, sugarcrm, zohocrm, batchbook',
  visible BIGINT COMMENT 'Show or hide this field when using the Form Builder',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Contact custom field metadata in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_custom_field_options (
  field BIGINT COMMENT 'Identifier of the field metadata.',
  id BIGINT NOT NULL COMMENT 'Identifier of the field option.',
  cdate TIMESTAMP COMMENT 'When the option was created.',
  label STRING COMMENT 'Label shown for the option.',
  orderid BIGINT COMMENT 'Display order of the option.',
  udate TIMESTAMP COMMENT 'When the option was last updated.',
  value STRING COMMENT 'Underlying value stored for the option.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Options associated to contact custom fields.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_list_activity (
  id BIGINT NOT NULL COMMENT 'Activity ID.',
  automation BIGINT COMMENT 'Automation ID related to the activity.',
  autosync_log STRING COMMENT 'Metadata captured when the activity came from an automatic sync.',
  campaign STRING COMMENT 'Campaign ID tied to the list action.',
  contact BIGINT COMMENT 'Contact ID.',
  created_timestamp TIMESTAMP COMMENT 'When the list activity was created.',
  form BIGINT COMMENT 'Form ID used in the list action.',
  first_name STRING COMMENT 'First name captured in the activity.',
  ip4_sub STRING COMMENT 'IPv4 address used when subscribing.',
  ip4_unsub STRING COMMENT 'IPv4 address used when unsubscribing.',
  ip4_last STRING COMMENT 'Last IPv4 address recorded for the list activity.',
  last_name STRING COMMENT 'Last name captured in the activity.',
  list BIGINT COMMENT 'List ID involved in the activity.',
  message STRING COMMENT 'Message content related to the list event.',
  responder BIGINT COMMENT 'Responder ID if the action relates to an autoresponder.',
  sdate TIMESTAMP COMMENT 'When the subscription event happened.',
  seriesid BIGINT COMMENT 'Identifier for the list automation series.',
  sourceid BIGINT COMMENT 'Source ID that generated the list event.',
  status BIGINT COMMENT 'Status in the list: 0 unconfirmed, 1 subscribed, 2 unsubscribed, 3 bounced.',
  sync BIGINT COMMENT 'Flag indicating if the activity came from a sync.',
  udate TIMESTAMP COMMENT 'When the record was last updated.',
  unsubreason STRING COMMENT 'Reason provided for unsubscribing.',
  unsubscribe_automation STRING COMMENT 'Automation triggered on unsubscribe.',
  updated_timestamp TIMESTAMP COMMENT 'When the activity record was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'List subscription activities for contacts in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_notes (
  id BIGINT NOT NULL COMMENT 'Note ID.',
  cdate TIMESTAMP COMMENT 'When the note was created.',
  is_draft BIGINT COMMENT 'Whether the note is in draft status (1) or published (0).',
  mdate TIMESTAMP COMMENT 'When the note was last modified.',
  note STRING COMMENT 'Text of the note.',
  relid BIGINT COMMENT 'Contact ID linked to the note.',
  reltype STRING COMMENT 'Type of entity related to the note.',
  userid BIGINT COMMENT 'ID of the user who created the note.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Notes registered for contacts in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_tags (
  contact BIGINT COMMENT 'ID of the contact.',
  id BIGINT NOT NULL COMMENT 'ID of the tag-to-contact association.',
  tag_name STRING COMMENT 'Name of the tag.',
  tag_description STRING COMMENT 'Description of the tag.',
  tag_id BIGINT COMMENT 'ID of the tag.',
  tag_cdate TIMESTAMP COMMENT 'When the tag record was created.',
  tag_created_by STRING COMMENT 'User who created the tag.',
  tag_created_timestamp TIMESTAMP COMMENT 'When the tag was created.',
  tag_deleted BIGINT COMMENT 'Whether the tag is marked as deleted (1) or active (0).',
  tag_type STRING COMMENT 'Tag type, such as template or contact.',
  tag_updated_timestamp TIMESTAMP COMMENT 'When the tag record was last updated.',
  cdate TIMESTAMP COMMENT 'When the tag was added to the contact.',
  created_by STRING COMMENT 'User who created the tag-to-contact association.',
  created_timestamp TIMESTAMP COMMENT 'When the tag association was created.',
  updated_by STRING COMMENT 'User who last updated the tag association.',
  updated_timestamp TIMESTAMP COMMENT 'When the tag association was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Tags linked to contacts in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_tasks (
  id BIGINT NOT NULL COMMENT 'Task ID.',
  assigned_date TIMESTAMP COMMENT 'When the task was assigned.',
  assignee BIGINT COMMENT 'The id of an user the task is assigned to',
  automation STRING COMMENT 'Automation associated to trigger on task completion (optional).',
  cdate TIMESTAMP COMMENT 'When the task record was created.',
  created_utc_timestamp TIMESTAMP COMMENT 'When the task record was created (the API sends account-local time despite the name).',
  donedate TIMESTAMP COMMENT 'When the task was completed.',
  deal_tasktype BIGINT COMMENT 'The type of the task based on the available Task Types in the account',
  done_automation STRING COMMENT 'Id of an automation that will be triggered when the task is completed.',
  done_by BIGINT COMMENT 'User who completed the task.',
  done_utc_timestamp TIMESTAMP COMMENT 'When the task was completed (the API sends account-local time despite the name).',
  duedate TIMESTAMP COMMENT 'Due date of the task',
  duration DOUBLE COMMENT 'Duration of the task.',
  edate TIMESTAMP COMMENT 'Due date of the task.',
  note STRING COMMENT 'The content describing the task',
  outcome_id BIGINT COMMENT 'Outcome selected when completing the task.',
  outcome_info STRING COMMENT 'Extra information about the task outcome.',
  owner_type STRING COMMENT 'Title of the related object (contact).',
  relid BIGINT COMMENT 'Id of relational object',
  status BIGINT COMMENT 'Task status means complete or incomplete. 1 is complete and 0 is incomplete.',
  title STRING COMMENT 'The title of the task',
  udate TIMESTAMP COMMENT 'When the task was last updated.',
  updated_utc_timestamp TIMESTAMP COMMENT 'When the task was last updated (the API sends account-local time despite the name).',
  `user` BIGINT COMMENT 'User responsible for the task.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Tasks linked to contacts in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deals (
  id BIGINT NOT NULL COMMENT 'Deal ID.',
  `account` BIGINT COMMENT 'Deals account id',
  activitycount BIGINT COMMENT 'Number of activities linked to the deal.',
  cdate TIMESTAMP COMMENT 'When the deal was created.',
  contact BIGINT COMMENT 'Deal\'s primary contact\'s id.',
  currency STRING COMMENT 'Deal\'s currency in 3-digit ISO format, lowercased.',
  customer_account BIGINT COMMENT 'Customer account ID related to the deal.',
  description STRING COMMENT 'Deal\'s description',
  edate TIMESTAMP COMMENT 'Expected close date of the deal.',
  `group` BIGINT COMMENT 'Deal\'s pipeline id.',
  `hash` STRING COMMENT 'Unique hash identifier for the deal.',
  is_disabled BOOLEAN COMMENT 'Whether the deal is marked as disabled/archived.',
  mdate TIMESTAMP COMMENT 'When the deal was last modified.',
  next_task BIGINT COMMENT 'Upcoming task ID associated to the deal.',
  nextdate TIMESTAMP COMMENT 'Date of the next scheduled activity.',
  nextdealid BIGINT COMMENT 'ID of the next deal in sequence.',
  nexttaskid BIGINT COMMENT 'ID of the next task linked to the deal.',
  `organization` BIGINT COMMENT 'Organization ID tied to the deal.',
  owner BIGINT COMMENT 'Deal\'s owner id.',
  `percent` DOUBLE COMMENT 'Deal\'s percentage.',
  stage BIGINT COMMENT 'Deal\'s stage id.',
  status BIGINT COMMENT 'Deal\'s status.',
  title STRING COMMENT 'Deal\'s title.',
  value BIGINT COMMENT 'Deal\'s value in cents',
  win_probability DOUBLE COMMENT 'Current win probability percentage for the deal.',
  win_probability_mdate TIMESTAMP COMMENT 'When win probability was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Deals managed in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_activities (
  id BIGINT NOT NULL COMMENT 'Activity ID.',
  automation BIGINT COMMENT 'Automation ID related to the activity.',
  cdate TIMESTAMP COMMENT 'When the activity occurred.',
  d_id BIGINT COMMENT 'Deal id',
  d_stageid BIGINT COMMENT 'Stage ID of the deal at the time of the activity.',
  data_action STRING COMMENT 'Action type recorded in the activity.',
  data_id BIGINT COMMENT 'Identifier of the entity affected by the action.',
  data_oldval STRING COMMENT 'Previous value before the change.',
  data_type STRING COMMENT 'Entity type involved in the activity (e.g., contact or deal).',
  deleted BIGINT COMMENT 'Indicates if the activity marks a deletion (1) or not (0).',
  is_addtask BIGINT COMMENT 'Whether the activity adds a task (1) or not (0).',
  seriesid BIGINT COMMENT 'Series ID if the activity belongs to a sequence.',
  sortdate TIMESTAMP COMMENT 'Date used for sorting activities.',
  stage BIGINT COMMENT 'Name or ID of the deal stage involved.',
  userid BIGINT COMMENT 'User who performed the activity.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Activity logs for deals in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_custom_field_data (
  id BIGINT NOT NULL COMMENT 'Custom field value ID.',
  created_timestamp TIMESTAMP COMMENT 'When the custom field value was created.',
  custom_field_currency_type STRING COMMENT 'Currency code used in the field value.',
  custom_field_currency_value DOUBLE COMMENT 'Monetary amount stored for the field.',
  custom_field_date_value TIMESTAMP COMMENT 'Date value stored for the field.',
  custom_field_id BIGINT COMMENT 'ID of the custom field metadata.',
  custom_field_number_value DOUBLE COMMENT 'Numeric value stored for the field.',
  custom_field_text_blob STRING COMMENT 'Long text content stored for the field.',
  custom_field_text_value STRING COMMENT 'Text value stored for the field.',
  deal_custom_field_metum BIGINT COMMENT 'Alias name of the custom field.',
  deal_id BIGINT COMMENT 'ID of the deal the value belongs to.',
  updated_timestamp TIMESTAMP COMMENT 'When the custom field value was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Deal custom field values in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_custom_field_meta (
  id BIGINT NOT NULL COMMENT 'Custom field ID.',
  created_by BIGINT COMMENT 'User who created the field.',
  created_timestamp TIMESTAMP COMMENT 'When the field was created.',
  display_order BIGINT COMMENT 'Order for displaying the field on Manage Fields page and deal profiles',
  field_default STRING COMMENT 'Default value of the field',
  field_default_currency STRING COMMENT 'The 3-letter currency code of the default currency for the field.',
  field_label STRING COMMENT 'Name of the field',
  field_options STRING COMMENT 'Options for the field.',
  field_type STRING COMMENT 'Type of field. Possible values are: text, textarea, date, datetime, dropdown, multiselect, radio, checkbox, hidden, currency, or number.',
  hide_field_flag BIGINT COMMENT 'Whether the field is hidden (1) or visible (0).',
  is_form_visible BIGINT COMMENT 'Whether or not the field is visible on forms',
  is_required BIGINT COMMENT 'Whether the field is required (1) or optional (0).',
  known_field_id BIGINT COMMENT 'Identifier when the field maps to a predefined field.',
  personalization STRING COMMENT 'Personalization tag for using the field in messages.',
  updated_by BIGINT COMMENT 'User who last updated the field.',
  updated_timestamp TIMESTAMP COMMENT 'When the field was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Deal custom field metadata in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_secondary_contacts (
  id BIGINT NOT NULL COMMENT 'Association ID between deal and secondary contact.',
  cdate TIMESTAMP COMMENT 'When the secondary contact was added.',
  contact BIGINT COMMENT 'Contact\'s id',
  created_timestamp TIMESTAMP COMMENT 'When the record was created.',
  deal BIGINT COMMENT 'Deal\'s id',
  role STRING COMMENT 'Role of the contact on the deal.',
  updated_timestamp TIMESTAMP COMMENT 'When the record was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Secondary contacts linked to deals in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_tasks (
  id BIGINT NOT NULL COMMENT 'Task ID.',
  assigned_date TIMESTAMP COMMENT 'When the task was assigned.',
  assignee BIGINT COMMENT 'The id of an user the task is assigned to',
  automation STRING COMMENT 'Automation identifier associated to the task.',
  cdate TIMESTAMP COMMENT 'When the task was created.',
  created_utc_timestamp TIMESTAMP COMMENT 'When the task was created (the API sends account-local time despite the name).',
  donedate TIMESTAMP COMMENT 'When the task was completed.',
  deal_tasktype BIGINT COMMENT 'The type of the task based on the available Task Types in the account',
  done_automation STRING COMMENT 'Id of an automation that will be triggered when the task is completed.',
  done_by BIGINT COMMENT 'User who completed the task.',
  done_utc_timestamp TIMESTAMP COMMENT 'When the task was completed (the API sends account-local time despite the name).',
  duedate TIMESTAMP COMMENT 'Due date of the task',
  duration DOUBLE COMMENT 'Duration of the task.',
  edate TIMESTAMP COMMENT 'Due date of the task.',
  note STRING COMMENT 'The content describing the task',
  outcome_id BIGINT COMMENT 'Outcome selected when completing the task.',
  outcome_info STRING COMMENT 'Extra information about the task outcome.',
  owner_type STRING COMMENT 'Title of the related object (deal).',
  relid BIGINT COMMENT 'Id of relational object',
  status BIGINT COMMENT 'Task status means complete or incomplete. 1 is complete and 0 is incomplete.',
  title STRING COMMENT 'The title of the task',
  udate TIMESTAMP COMMENT 'When the task was last updated.',
  updated_utc_timestamp TIMESTAMP COMMENT 'When the task was last updated (the API sends account-local time despite the name).',
  `user` BIGINT COMMENT 'User responsible for the task.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Tasks linked to deals in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.lists (
  id BIGINT NOT NULL COMMENT 'List ID.',
  analytics_domains STRING COMMENT 'Analytics domains configured for the list.',
  analytics_source STRING COMMENT 'Analytics source identifier for the list.',
  analytics_ua STRING COMMENT 'Analytics user agent or tracking ID.',
  carboncopy STRING COMMENT 'Comma-separated list of email addresses to send a copy of all mailings to upon send',
  cdate TIMESTAMP COMMENT 'When the list was created.',
  created_timestamp TIMESTAMP COMMENT 'When the list record was created.',
  deletestamp STRING COMMENT 'Raw deletion marker for the list.',
  facebook_session STRING COMMENT 'Stored Facebook session data for the list.',
  fulladdress STRING COMMENT 'Full sender address text.',
  get_unsubscribe_reason BIGINT COMMENT 'Flag to collect unsubscribe reasons.',
  name STRING COMMENT 'Name of the list to create',
  optinmessageid BIGINT COMMENT 'Confirmation message ID used for opt-in.',
  optinoptout BIGINT COMMENT 'Opt-in or opt-out mode indicator.',
  optoutconf BIGINT COMMENT 'Flag to confirm opt-out actions.',
  p_embed_image BIGINT COMMENT 'Embed images in emails flag.',
  p_use_analytics_link BIGINT COMMENT 'Enable analytics tracking on links.',
  p_use_analytics_read BIGINT COMMENT 'Enable analytics for email opens.',
  p_use_captcha BIGINT COMMENT 'Flag to require captcha on forms.',
  p_use_facebook BIGINT COMMENT 'Enable Facebook integration for the list.',
  p_use_tracking BIGINT COMMENT 'General tracking flag for the list.',
  p_use_twitter BIGINT COMMENT 'Enable Twitter integration for the list.',
  private BIGINT COMMENT 'Flag indicating if the list is private.',
  require_name BIGINT COMMENT 'Flag requiring subscriber name on forms.',
  send_last_broadcast BIGINT COMMENT 'Value indicating whether or not to send the last sent campaign to this list to a new subscriber upon subscribing. 1 = yes, 0 = no',
  sender_addr1 STRING COMMENT 'Sender address line 1.',
  sender_addr2 STRING COMMENT 'Sender address line 2.',
  sender_city STRING COMMENT 'Sender city.',
  sender_country STRING COMMENT 'Sender country.',
  sender_name STRING COMMENT 'Sender name displayed in emails.',
  sender_phone STRING COMMENT 'Sender phone number.',
  sender_reminder STRING COMMENT 'A reminder for your contacts as to why they are on this list and you are messaging them.',
  sender_state STRING COMMENT 'State or region of the sender.',
  sender_url STRING COMMENT 'The website URL this list is for.',
  sender_zip STRING COMMENT 'Sender ZIP or postal code.',
  stringid STRING COMMENT 'URL-safe list name. Example: \'list-name-sample\'',
  subscription_notify STRING COMMENT 'Comma-separated list of email addresses to notify when a new subscriber joins this list.',
  to_name STRING COMMENT 'Value used to personalize the recipient name.',
  udate STRING COMMENT 'Raw update marker for the list.',
  unsubscription_notify STRING COMMENT 'Comma-separated list of email addresses to notify when a subscriber unsubscribes from this list.',
  updated_timestamp TIMESTAMP COMMENT 'When the list record was last updated.',
  `user` BIGINT COMMENT 'User Id of the list owner.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Lists configured in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.list_contacts (
  id BIGINT NOT NULL COMMENT 'Contact ID.',
  automation STRING COMMENT 'Automation ID linked to the list action.',
  autosync_log STRING COMMENT 'Metadata from automatic sync related to the list activity.',
  campaign STRING COMMENT 'Campaign ID tied to the list action.',
  contact BIGINT COMMENT 'Contact ID linked to the list record.',
  created_timestamp TIMESTAMP COMMENT 'When the list activity was created.',
  first_name STRING COMMENT 'First name captured in the activity.',
  form STRING COMMENT 'Form ID used in the list action.',
  ip4_sub STRING COMMENT 'IPv4 address used when subscribing.',
  ip4_unsub STRING COMMENT 'IPv4 address used when unsubscribing.',
  ip4_last STRING COMMENT 'Last IPv4 address recorded for the list activity.',
  last_name STRING COMMENT 'Last name captured in the activity.',
  list BIGINT COMMENT 'List ID related to the contact action.',
  message STRING COMMENT 'Message text tied to the list activity.',
  responder BIGINT COMMENT 'Flag indicating the action came from an auto-responder.',
  sdate TIMESTAMP COMMENT 'Date recorded for the list action.',
  seriesid BIGINT COMMENT 'Identifier for the list automation series.',
  status BIGINT COMMENT 'Status in the list: 0 unconfirmed, 1 subscribed, 2 unsubscribed, 3 bounced.',
  sync BIGINT COMMENT 'Flag indicating if the activity came from a sync.',
  udate TIMESTAMP COMMENT 'When the record was last updated.',
  unsubreason STRING COMMENT 'Reason provided for unsubscribing.',
  unsubscribe_automation STRING COMMENT 'Automation triggered on unsubscribe.',
  updated_timestamp TIMESTAMP COMMENT 'When the activity record was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Associations between contacts and lists in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.pipelines (
  id BIGINT NOT NULL COMMENT 'Pipeline ID.',
  allgroups BIGINT COMMENT 'Flag for visibility to all groups (1 true, 0 false).',
  allusers BIGINT COMMENT 'Flag for visibility to all users (1 true, 0 false).',
  autoassign BIGINT COMMENT 'Auto-assign setting for deals in this pipeline.',
  cdate TIMESTAMP COMMENT 'When the pipeline was created.',
  currency STRING COMMENT 'Currency code used in the pipeline.',
  source STRING COMMENT 'Field shown in card region 4.',
  stages STRING COMMENT 'Field shown in card region 5.',
  title STRING COMMENT 'Title of the pipeline.',
  udate TIMESTAMP COMMENT 'When the pipeline was last updated.',
  win_probability_initialize_date TIMESTAMP COMMENT 'When win probability calculations were initialized for the pipeline.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Deal pipelines configured in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_stages (
  `group` BIGINT COMMENT 'Pipeline ID.',
  id BIGINT NOT NULL COMMENT 'Stage id',
  card_region1 STRING COMMENT 'Field shown in card region 1.',
  card_region2 STRING COMMENT 'Field shown in card region 2.',
  card_region3 STRING COMMENT 'Field shown in card region 3.',
  card_region4 STRING COMMENT 'Field shown in card region 4.',
  card_region5 STRING COMMENT 'Field shown in card region 5.',
  cdate TIMESTAMP COMMENT 'When the stage was created.',
  color STRING COMMENT 'Hex color used to display the stage.',
  deal_order STRING COMMENT 'Default ordering of deals inside the stage.',
  `order` BIGINT COMMENT 'Position of the stage within the pipeline.',
  title STRING COMMENT 'Title of the stage.',
  udate TIMESTAMP COMMENT 'When the stage was last updated.',
  width BIGINT COMMENT 'Column width for the stage in the board view.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Deal stages within each pipeline.';

CREATE TABLE IF NOT EXISTS activecampaign.scores (
  id BIGINT NOT NULL COMMENT 'Score ID.',
  cdate TIMESTAMP COMMENT 'When the score was created.',
  descript STRING COMMENT 'Description of the score.',
  mdate TIMESTAMP COMMENT 'When the score was last modified.',
  name STRING COMMENT 'Score name',
  reltype STRING COMMENT 'Entity type the score applies to (contact or deal).',
  status BIGINT COMMENT 'Status of the score (1 active, 0 inactive).',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Scoring configurations applied to contacts or deals in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.task_outcomes (
  id BIGINT NOT NULL COMMENT 'Outcome id',
  created_by BIGINT COMMENT 'User who created the outcome.',
  created_utc_timestamp TIMESTAMP COMMENT 'When the outcome was created (the API sends account-local time despite the name).',
  disabled BIGINT COMMENT '1 for disabled outcome, 0 for active.',
  sentiment STRING COMMENT 'Outcome sentiment (POSITIVE, NEGATIVE or NEUTRAL).',
  title STRING COMMENT 'Outcome title.',
  updated_by BIGINT COMMENT 'User who last updated the outcome.',
  updated_utc_timestamp TIMESTAMP COMMENT 'When the outcome was last updated (the API sends account-local time despite the name).',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'ActiveCampaign task outcomes with sentiment and audit details.';

CREATE TABLE IF NOT EXISTS activecampaign.task_types (
  id BIGINT NOT NULL COMMENT 'Task type id',
  cdate TIMESTAMP COMMENT 'Datetime when the task type was created.',
  created_by BIGINT COMMENT 'ID of the user; \'0\' or None for predefined fields.',
  created_utc_timestamp TIMESTAMP COMMENT 'Creation datetime in UTC.',
  defduration DOUBLE COMMENT 'Default duration for the task type.',
  display_order BIGINT COMMENT 'Order to display the task type.',
  status BIGINT COMMENT 'Status indicator for the task type.',
  title STRING COMMENT 'Task type title.',
  udate TIMESTAMP COMMENT 'Last update datetime of the task type.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the task type.',
  updated_utc_timestamp TIMESTAMP COMMENT 'Update datetime in UTC.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'ActiveCampaign task types with metadata and audit info.';

CREATE TABLE IF NOT EXISTS activecampaign.task_type_outcomes (
  tasktype_id BIGINT NOT NULL COMMENT 'Task type id',
  outcome_id BIGINT NOT NULL COMMENT 'Task outcome id',
  display_order BIGINT COMMENT 'Display order for the outcome.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (tasktype_id, outcome_id)
)
COMMENT 'Outcomes available for each task type.';

CREATE TABLE IF NOT EXISTS activecampaign.user_groups (
  id BIGINT NOT NULL COMMENT 'Group ID.',
  descript STRING COMMENT 'Group description',
  optinconfirm BIGINT COMMENT 'Whether or not to force optin confirm for this group',
  p_admin BIGINT COMMENT 'Admin privileges flag for the group.',
  pg_account_add BIGINT COMMENT 'Permission to add accounts.',
  pg_account_delete BIGINT COMMENT 'Permission to delete accounts.',
  pg_account_edit BIGINT COMMENT 'Permission to edit accounts.',
  pg_account_export BIGINT COMMENT 'Permission to export accounts.',
  pg_account_import BIGINT COMMENT 'Permission to import accounts.',
  pg_account_manage_custom_field BIGINT COMMENT 'Permission to manage account custom fields.',
  pg_account_note_add BIGINT COMMENT 'Permission to add account notes.',
  pg_account_note_delete BIGINT COMMENT 'Permission to delete account notes.',
  pg_account_note_edit BIGINT COMMENT 'Permission to edit account notes.',
  pg_automation_manage BIGINT COMMENT 'Permission for manage automations',
  pg_contact_actions BIGINT COMMENT 'Permission for managing contact actions',
  pg_contact_add BIGINT COMMENT 'Permission for adding contacts',
  pg_contact_approve BIGINT COMMENT 'Permission for approving contacts',
  pg_contact_delete BIGINT COMMENT 'Permission for deleting contacts',
  pg_contact_edit BIGINT COMMENT 'Permission for editing contacts',
  pg_contact_export BIGINT COMMENT 'Permission for exporting contacts',
  pg_contact_fields BIGINT COMMENT 'Permission for managing contact custom fields',
  pg_contact_filters BIGINT COMMENT 'Permission for managing contact list segments',
  pg_contact_import BIGINT COMMENT 'Permission for importing contacts',
  pg_contact_merge BIGINT COMMENT 'Permission for merging contacts',
  pg_contact_resubscribe BIGINT COMMENT 'Permission to resubscribe contacts.',
  pg_contact_sync BIGINT COMMENT 'Permission for syncing contacts',
  pg_deal BIGINT COMMENT 'Permission for viewing deals',
  pg_deal_delete BIGINT COMMENT 'Permission for deleting deals',
  pg_deal_export BIGINT COMMENT 'Permission to export deals.',
  pg_deal_fields BIGINT COMMENT 'Permission to manage deal fields.',
  pg_deal_group_add BIGINT COMMENT 'Permission for adding deal groups',
  pg_deal_group_delete BIGINT COMMENT 'Permission for deleting deals groups',
  pg_deal_group_edit BIGINT COMMENT 'Permission for editing deal groups',
  pg_deal_import BIGINT COMMENT 'Permission to import deals.',
  pg_deal_list_all BIGINT COMMENT 'Permission to list all deals.',
  pg_deal_manage_roles BIGINT COMMENT 'Permission to manage deal roles.',
  pg_deal_note_add BIGINT COMMENT 'Permission to add deal notes.',
  pg_deal_note_delete BIGINT COMMENT 'Permission to delete deal notes.',
  pg_deal_note_edit BIGINT COMMENT 'Permission to edit deal notes.',
  pg_deal_reassign BIGINT COMMENT 'Permission for reassigning deals',
  pg_form_edit BIGINT COMMENT 'Permission for editing subscription forms',
  pg_group_add BIGINT COMMENT 'Permission for adding groups',
  pg_group_delete BIGINT COMMENT 'Permission for deleting groups',
  pg_group_edit BIGINT COMMENT 'Permission for adding groups',
  pg_landing_pages_access BIGINT COMMENT 'Permission to access landing pages.',
  pg_list_add BIGINT COMMENT 'Permission for adding lists',
  pg_list_bounce BIGINT COMMENT 'Permission for accessing list bounce settings',
  pg_list_delete BIGINT COMMENT 'Permission for deleting lists',
  pg_list_edit BIGINT COMMENT 'Permission for editing lists',
  pg_list_emailaccount BIGINT COMMENT 'Permission for managing Unsubscribe By Email',
  pg_list_headers BIGINT COMMENT 'Permission for managing custom email headers',
  pg_message_add BIGINT COMMENT 'Permission for adding messages',
  pg_message_delete BIGINT COMMENT 'Permission for deleting messages',
  pg_message_edit BIGINT COMMENT 'Permission for editing messages',
  pg_message_send BIGINT COMMENT 'Permission for sending messages',
  pg_mfa_admin BIGINT COMMENT 'Permission to administer multi-factor settings.',
  pg_personalization_add BIGINT COMMENT 'Permission for adding personalization tags',
  pg_personalization_delete BIGINT COMMENT 'Permission for editing personalization tags',
  pg_personalization_edit BIGINT,
  pg_reports_campaign BIGINT COMMENT 'Permission for viewing campaign reports',
  pg_reports_deal BIGINT COMMENT 'Permission to view deal reports.',
  pg_reports_list BIGINT COMMENT 'Permission for viewing list reports',
  pg_reports_trend BIGINT COMMENT 'Permission for viewing trend reports',
  pg_reports_user BIGINT COMMENT 'Permission for viewing user reports',
  pg_saved_responses_manage BIGINT COMMENT 'Permission for managing saved responses',
  pg_startup_gettingstarted BIGINT COMMENT 'Whether or not to show the (getting started) tutorial on overview page',
  pg_startup_reports BIGINT COMMENT 'Campaign ID of last campaign report viewed to decide whether to show link on startup',
  pg_tag_manage BIGINT COMMENT 'Permission for managing tags',
  pg_template_add BIGINT COMMENT 'Permission for adding templates',
  pg_template_delete BIGINT COMMENT 'Permission for deleting templates',
  pg_template_edit BIGINT COMMENT 'Permission for editing templates',
  pg_web_personalization_manage BIGINT COMMENT 'Permission to manage web personalization.',
  pg_user_add BIGINT COMMENT 'Permission for adding users',
  pg_user_delete BIGINT COMMENT 'Permission for deleting users',
  pg_user_edit BIGINT COMMENT 'Permission for editing users',
  req_approval BIGINT COMMENT 'Whether or not this group requires all campaigns to be approved',
  req_approval1st BIGINT COMMENT 'Whether or not this group requires first campaign to be approved',
  req_approval_notify STRING COMMENT 'Who to notify for approval related issues (email)',
  sdate TIMESTAMP COMMENT 'When the group was created.',
  socialdata BIGINT COMMENT 'Whether or not to show social links in campaigns sent from this group',
  title STRING COMMENT 'Title of the group',
  unsubscribelink BIGINT COMMENT 'Whether or not to force unsubscribe links',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'User permission groups in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.users (
  id BIGINT NOT NULL COMMENT 'User ID.',
  username STRING COMMENT 'Username',
  cdate TIMESTAMP COMMENT 'When the user account was created.',
  email STRING COMMENT 'Email address',
  first_name STRING COMMENT 'First name',
  lang STRING COMMENT 'Preferred language of the user.',
  last_name STRING COMMENT 'Last name',
  local_zoneid STRING COMMENT 'Local timezone of the user.',
  mfa_enabled BIGINT COMMENT 'Flag indicating if MFA is enabled (1) or not (0).',
  password_updated_utc_timestamp TIMESTAMP COMMENT 'When the user password was last updated (the API sends account-local time despite the name).',
  phone STRING COMMENT 'Phone number of the user.',
  signature STRING COMMENT 'Email signature of the user.',
  udate TIMESTAMP COMMENT 'When the user record was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Users configured in ActiveCampaign.';

CREATE TABLE IF NOT EXISTS activecampaign.user_group_memberships (
  userid BIGINT NOT NULL COMMENT 'User ID replicated for the group membership.',
  cdate TIMESTAMP COMMENT 'When the user was added to the group.',
  groupid BIGINT NOT NULL COMMENT 'Group id',
  udate TIMESTAMP COMMENT 'When the membership was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (userid, groupid)
)
COMMENT 'Groups associated to users.';

CREATE TABLE IF NOT EXISTS activecampaign.tags (
  id BIGINT NOT NULL COMMENT 'Tag ID.',
  `tag` STRING COMMENT 'Tag name.',
  tag_type STRING COMMENT 'Kind of tag: contact or template.',
  description STRING COMMENT 'Tag description (often empty).',
  cdate TIMESTAMP COMMENT 'When the tag was created.',
  subscriber_count BIGINT COMMENT 'Number of contacts carrying the tag.',
  deleted BIGINT COMMENT '1 if the tag is marked deleted.',
  created_timestamp TIMESTAMP COMMENT 'When the tag record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the tag record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the tag (null or 0 when unknown).',
  updated_by BIGINT COMMENT 'ID of the user who last updated the tag.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Every tag of the account, including tags no contact carries and template tags.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_links (
  id BIGINT NOT NULL COMMENT 'Link ID.',
  campaignid BIGINT COMMENT 'ID of the campaign the link belongs to.',
  messageid BIGINT COMMENT 'ID of the message the link is in (0 = every message of the campaign).',
  link STRING COMMENT 'The tracked URL, or \'open\' for the read tracker.',
  name STRING COMMENT 'Link name, e.g. Read Tracker.',
  ref STRING COMMENT 'Reference text of the link (often empty).',
  tracked BIGINT COMMENT '1 if clicks on the link are tracked.',
  linkclicks BIGINT COMMENT 'Number of clicks on the link.',
  uniquelinkclicks BIGINT COMMENT 'Number of contacts who clicked the link.',
  campaign BIGINT COMMENT 'Campaign relation (the same id as campaignid).',
  message BIGINT COMMENT 'Message relation (null where messageid is 0).',
  created_timestamp TIMESTAMP COMMENT 'When the link was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the link was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the link.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the link.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Tracked links of campaign messages (the open tracker and every tracked click URL), with click counts.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_lists (
  id BIGINT NOT NULL COMMENT 'Campaign-list relation ID.',
  campaignid BIGINT COMMENT 'ID of the campaign.',
  listid BIGINT COMMENT 'ID of the list the campaign was sent to.',
  userid BIGINT COMMENT 'ID of the user who set up the campaign.',
  list_amt BIGINT COMMENT 'Number of the list\'s contacts the campaign was sent to.',
  name STRING COMMENT 'Name of the list when the campaign was sent.',
  cdate TIMESTAMP COMMENT 'When the relation was created.',
  udate TIMESTAMP COMMENT 'When the relation was last updated.',
  campaign BIGINT COMMENT 'Campaign relation (the same id as campaignid).',
  list BIGINT COMMENT 'List relation (the same id as listid).',
  `user` BIGINT COMMENT 'User relation (the same id as userid).',
  created_timestamp TIMESTAMP COMMENT 'When the relation record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the relation record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the relation.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the relation.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'The lists each campaign was sent to, one row per campaign and list.';

CREATE TABLE IF NOT EXISTS activecampaign.field_rels (
  id BIGINT NOT NULL COMMENT 'Field-list relation ID.',
  field BIGINT COMMENT 'ID of the custom field.',
  relid BIGINT COMMENT 'ID of the list the field belongs to (0 = every list).',
  dorder BIGINT COMMENT 'Display order of the field on the list.',
  cdate TIMESTAMP COMMENT 'When the relation was created.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Which lists each contact custom field belongs to (relid 0 = every list).';

CREATE TABLE IF NOT EXISTS activecampaign.deal_group_users (
  id BIGINT NOT NULL COMMENT 'Pipeline-user relation ID.',
  deal_group BIGINT COMMENT 'ID of the pipeline.',
  `user` BIGINT COMMENT 'ID of the user.',
  cdate TIMESTAMP COMMENT 'When the user was given the pipeline.',
  created_timestamp TIMESTAMP COMMENT 'When the relation record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the relation record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the relation.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the relation.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'The users who may work with each deal pipeline.';

CREATE TABLE IF NOT EXISTS activecampaign.templates (
  id BIGINT NOT NULL COMMENT 'Template ID.',
  userid BIGINT COMMENT 'ID of the user owning the template.',
  ed_instanceid BIGINT COMMENT 'Editor instance ID.',
  ed_version BIGINT COMMENT 'Editor version.',
  name STRING COMMENT 'Template name.',
  subject STRING COMMENT 'Default subject line (null when unset).',
  content STRING COMMENT 'Template content (HTML).',
  categoryid BIGINT COMMENT 'ID of the template category.',
  used BIGINT COMMENT 'How many times the template was used.',
  waitpreview BIGINT COMMENT '1 while the preview is being made.',
  importnum BIGINT COMMENT 'Import number (0 unless imported).',
  mdate TIMESTAMP COMMENT 'When the template was last modified.',
  preview_content STRING COMMENT 'Preview content (null when none).',
  modified BIGINT COMMENT '1 if the template was modified after creation.',
  hidden BIGINT COMMENT '1 if the template is hidden.',
  screenshot STRING COMMENT 'URL of the template\'s screenshot.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'E-mail templates of the account, with their content.';

CREATE TABLE IF NOT EXISTS activecampaign.bounce_logs (
  id BIGINT NOT NULL COMMENT 'Bounce log ID.',
  tstamp TIMESTAMP COMMENT 'When the bounce happened.',
  bounceid BIGINT COMMENT 'ID of the bounce setting that handled it.',
  subscriberid BIGINT COMMENT 'ID of the contact.',
  campaignid BIGINT COMMENT 'ID of the campaign.',
  messageid BIGINT COMMENT 'ID of the message.',
  codeid BIGINT COMMENT 'ID of the bounce code.',
  email STRING COMMENT 'The address that bounced.',
  error STRING COMMENT 'Error text (often empty).',
  source STRING COMMENT 'The returned message\'s headers and text.',
  bounce BIGINT COMMENT 'Bounce setting relation (the same id as bounceid).',
  contact BIGINT COMMENT 'Contact relation (the same id as subscriberid).',
  campaign BIGINT COMMENT 'Campaign relation (the same id as campaignid).',
  message BIGINT COMMENT 'Message relation (the same id as messageid).',
  code BIGINT COMMENT 'Bounce code relation (the same id as codeid).',
  created_timestamp TIMESTAMP COMMENT 'When the bounce log was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the bounce log was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the log (null for bounces).',
  updated_by BIGINT COMMENT 'ID of the user who last updated the log.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Every bounce of a campaign e-mail, with the bounce code and the returned message.';

CREATE TABLE IF NOT EXISTS activecampaign.goals (
  id BIGINT NOT NULL COMMENT 'Goal ID.',
  seriesid BIGINT COMMENT 'ID of the automation the goal is in.',
  blockid BIGINT COMMENT 'ID of the automation step (block) of the goal.',
  name STRING COMMENT 'Goal name.',
  cdate TIMESTAMP COMMENT 'When the goal was created.',
  dirty_stats BIGINT COMMENT '1 while the goal\'s statistics wait to be recounted.',
  automation BIGINT COMMENT 'Automation relation (the same id as seriesid).',
  automation_block BIGINT COMMENT 'Automation step relation (the same id as blockid).',
  created_timestamp TIMESTAMP COMMENT 'When the goal record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the goal record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the goal.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the goal.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Automation goals (the goal steps of automations).';

CREATE TABLE IF NOT EXISTS activecampaign.conversions (
  id BIGINT NOT NULL COMMENT 'Conversion ID.',
  name STRING COMMENT 'Conversion name.',
  value BIGINT COMMENT 'Value of one conversion, in the currency\'s whole units.',
  currency STRING COMMENT 'Currency code of the value, e.g. usd.',
  `limit` BIGINT COMMENT 'How many times a contact may convert (0 = no limit).',
  enforcelimit BIGINT COMMENT '1 if the limit is enforced.',
  cdate TIMESTAMP COMMENT 'When the conversion was created.',
  udate TIMESTAMP COMMENT 'When the conversion was last updated.',
  created_timestamp TIMESTAMP COMMENT 'When the conversion record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the conversion record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the conversion.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the conversion.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Conversions (attribution goals such as a purchase), with their value and limit.';

CREATE TABLE IF NOT EXISTS activecampaign.conversion_triggers (
  id BIGINT NOT NULL COMMENT 'Conversion trigger ID.',
  conversion BIGINT COMMENT 'ID of the conversion the trigger counts for.',
  trigger_type STRING COMMENT 'Kind of trigger, e.g. visit, event or automation.',
  modifier STRING COMMENT 'How value is matched, e.g. is or contains.',
  value STRING COMMENT 'What is matched: a URL, an event name, ...',
  dynamic BIGINT COMMENT '1 if the conversion value comes from the trigger.',
  retroactive BIGINT COMMENT '1 if earlier matching activity counts too.',
  automation_block BIGINT COMMENT 'ID of the automation step of the trigger (0 = none).',
  cdate TIMESTAMP COMMENT 'When the trigger was created.',
  udate TIMESTAMP COMMENT 'When the trigger was last updated.',
  created_timestamp TIMESTAMP COMMENT 'When the trigger record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the trigger record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the trigger.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the trigger.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'What counts as a conversion (a page visit, an event, an automation step), per conversion.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_emails (
  id BIGINT NOT NULL COMMENT 'Contact e-mail ID.',
  subscriberid BIGINT COMMENT 'ID of the contact.',
  userid BIGINT COMMENT 'ID of the user who sent it.',
  d_id BIGINT COMMENT 'ID of the deal it was sent from (0 = none).',
  messageid BIGINT COMMENT 'ID of the e-mail message.',
  seriesid BIGINT COMMENT 'ID of the automation that sent it (0 = none).',
  `account` BIGINT COMMENT 'ID of the contact\'s account (0 = none).',
  messageheader STRING COMMENT 'Headers of the sent message.',
  ip STRING COMMENT 'IP address it was sent from.',
  sdate TIMESTAMP COMMENT 'When it was sent.',
  source STRING COMMENT 'Where it was sent from, e.g. deal or contact.',
  contact BIGINT COMMENT 'Contact relation (the same id as subscriberid).',
  `user` BIGINT COMMENT 'User relation (the same id as userid).',
  deal BIGINT COMMENT 'Deal relation (the same id as d_id; null when none).',
  message BIGINT COMMENT 'Message relation (the same id as messageid).',
  created_timestamp TIMESTAMP COMMENT 'When the record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the record.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the record.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'One-to-one e-mails users sent to contacts (from a contact or deal), one row per e-mail.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_data (
  id BIGINT NOT NULL COMMENT 'Contact data ID.',
  contact BIGINT COMMENT 'ID of the contact.',
  tstamp TIMESTAMP COMMENT 'When the data was last recorded.',
  geo_tstamp TIMESTAMP COMMENT 'When the location was looked up (null if never).',
  geo_ip4 STRING COMMENT 'IPv4 address the location comes from ("0" when none).',
  geo_country2 STRING COMMENT 'Two-letter country code.',
  geo_country STRING COMMENT 'Country name.',
  geo_state STRING COMMENT 'State or region.',
  geo_city STRING COMMENT 'City.',
  geo_zip STRING COMMENT 'Postal code.',
  geo_area BIGINT COMMENT 'Area code (0 when none).',
  geo_lat DOUBLE COMMENT 'Latitude.',
  geo_lon DOUBLE COMMENT 'Longitude.',
  geo_tz STRING COMMENT 'Time zone name.',
  geo_tz_offset DOUBLE COMMENT 'Time zone offset in hours.',
  ga_campaign_source STRING COMMENT 'Google Analytics campaign source.',
  ga_campaign_name STRING COMMENT 'Google Analytics campaign name.',
  ga_campaign_medium STRING COMMENT 'Google Analytics campaign medium.',
  ga_campaign_term STRING COMMENT 'Google Analytics campaign term.',
  ga_campaign_content STRING COMMENT 'Google Analytics campaign content.',
  ga_campaign_customsegment STRING COMMENT 'Google Analytics custom segment.',
  ga_first_visit TIMESTAMP COMMENT 'First visit Google Analytics saw (null if none).',
  ga_times_visited BIGINT COMMENT 'Visits Google Analytics counted.',
  fb_id BIGINT COMMENT 'Facebook id (0 when none).',
  fb_name STRING COMMENT 'Facebook name.',
  tw_id BIGINT COMMENT 'Twitter id (0 when none).',
  created_timestamp TIMESTAMP COMMENT 'When the record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the record (0 when none).',
  updated_by BIGINT COMMENT 'ID of the user who last updated the record.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Per contact, its geo-IP location, Google Analytics campaign and social ids.';

CREATE TABLE IF NOT EXISTS activecampaign.sms (
  id BIGINT NOT NULL COMMENT 'SMS message ID.',
  userid BIGINT COMMENT 'ID of the user owning the message.',
  seriesid BIGINT COMMENT 'ID of the automation sending it.',
  msg STRING COMMENT 'Message text.',
  tstamp TIMESTAMP COMMENT 'When the message was last saved.',
  tf_day STRING COMMENT 'Days of the week it may be sent on.',
  tf_hr_from BIGINT COMMENT 'Hour from which it may be sent.',
  tf_hr_to BIGINT COMMENT 'Hour until which it may be sent.',
  sent BIGINT COMMENT 'Messages sent.',
  failed BIGINT COMMENT 'Messages that failed.',
  unsubscribes BIGINT COMMENT 'Unsubscribes it caused.',
  replies BIGINT COMMENT 'Replies received.',
  uniquereplies BIGINT COMMENT 'Contacts who replied.',
  sdate TIMESTAMP COMMENT 'When it was first sent (null if never).',
  ldate TIMESTAMP COMMENT 'When it was last sent (null if never).',
  `user` BIGINT COMMENT 'User relation (the same id as userid).',
  automation BIGINT COMMENT 'Automation relation (the same id as seriesid).',
  created_timestamp TIMESTAMP COMMENT 'When the record was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the record was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the record.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the record.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'SMS messages that automations send, with their send window and counts.';

CREATE TABLE IF NOT EXISTS activecampaign.automations (
  id BIGINT NOT NULL COMMENT 'Automation ID (seriesid in campaigns and segments).',
  name STRING COMMENT 'Automation name.',
  cdate TIMESTAMP COMMENT 'When the automation was created.',
  mdate TIMESTAMP COMMENT 'When the automation was last modified.',
  userid BIGINT COMMENT 'ID of the user owning the automation.',
  status BIGINT COMMENT 'Status: 1 active, 2 inactive.',
  entered BIGINT COMMENT 'Number of contacts that entered the automation.',
  exited BIGINT COMMENT 'Number of contacts that exited the automation.',
  hidden BIGINT COMMENT '1 if the automation is hidden.',
  defaultscreenshot STRING COMMENT 'URL of the default screenshot.',
  screenshot STRING COMMENT 'URL of the screenshot.',
  description STRING COMMENT 'Description of the automation (null or empty when unset).',
  source BIGINT COMMENT 'Flag for how the automation was created.',
  multientry BIGINT COMMENT '1 if a contact may enter more than once.',
  exit_on_unsubscribe BIGINT COMMENT '1 if a contact leaves the automation when unsubscribing.',
  exit_on_conversion BIGINT COMMENT '1 if a contact leaves the automation on conversion.',
  entitlements_violation BIGINT COMMENT '1 if the automation exceeds the plan\'s entitlements.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Automations (workflows) of the account, with entry and exit counts.';

CREATE TABLE IF NOT EXISTS activecampaign.forms (
  id BIGINT NOT NULL COMMENT 'Form ID.',
  name STRING COMMENT 'Form name.',
  action STRING COMMENT 'Form action (often empty).',
  actiondata STRING COMMENT 'What submitting does: actions such as subscribing to a list or adding a tag.',
  submit STRING COMMENT 'What happens after submitting, e.g. show-thank-you.',
  submitdata STRING COMMENT 'Settings of the after-submit step (a redirect URL).',
  url STRING COMMENT 'Redirect URL.',
  layout STRING COMMENT 'Layout, e.g. inline-form.',
  title STRING COMMENT 'Form title.',
  body STRING COMMENT 'Form body text.',
  button STRING COMMENT 'Submit button label.',
  thanks STRING COMMENT 'Thank-you message.',
  style STRING COMMENT 'Style settings (colours, border, width, button).',
  options STRING COMMENT 'Options (overwrite blanks, confirmation, opt-in).',
  cfields STRING COMMENT 'Field definitions of the form.',
  parentformid BIGINT COMMENT 'ID of the parent form (0 = none).',
  userid BIGINT COMMENT 'ID of the user owning the form.',
  addressid BIGINT COMMENT 'ID of the sender address (0 = none).',
  address BIGINT COMMENT 'Sender address relationship (null when none).',
  cdate TIMESTAMP COMMENT 'When the form was created.',
  udate TIMESTAMP COMMENT 'When the form was last updated.',
  entries BIGINT COMMENT 'Number of submissions.',
  aid BIGINT COMMENT 'Undocumented id (0 or null).',
  defaultscreenshot STRING COMMENT 'URL of the form\'s screenshot.',
  recent STRING COMMENT 'Recent submissions (usually an empty array).',
  contacts BIGINT COMMENT 'Contacts count reported for the form.',
  deals BIGINT COMMENT 'Deals count reported for the form.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Subscription forms, with what submitting them does and how often they were submitted.';

CREATE TABLE IF NOT EXISTS activecampaign.segments (
  id BIGINT NOT NULL COMMENT 'Segment ID.',
  name STRING COMMENT 'Segment name.',
  logic STRING COMMENT 'How conditions combine: and / or.',
  hidden BIGINT COMMENT '1 if hidden (segments automations create for themselves).',
  seriesid BIGINT COMMENT 'ID of the automation the segment belongs to (0 = none).',
  segmentid_v2 STRING COMMENT 'ID of the matching segments-v2 definition.',
  created_timestamp TIMESTAMP COMMENT 'When the segment was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the segment was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the segment.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the segment.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Saved contact segments (the conditions themselves are not in this list).';

CREATE TABLE IF NOT EXISTS activecampaign.messages (
  id BIGINT NOT NULL COMMENT 'Message ID.',
  userid BIGINT COMMENT 'ID of the user owning the message.',
  `user` BIGINT COMMENT 'Owner of the message (the same user as userid).',
  ed_instanceid BIGINT COMMENT 'Editor instance ID.',
  ed_version BIGINT COMMENT 'Editor version.',
  cdate TIMESTAMP COMMENT 'When the message was created.',
  mdate TIMESTAMP COMMENT 'When the message was last modified.',
  name STRING COMMENT 'Internal name of the message.',
  fromname STRING COMMENT 'Sender name.',
  fromemail STRING COMMENT 'Sender address.',
  reply2 STRING COMMENT 'Reply-to address.',
  priority BIGINT COMMENT 'Priority (3 = normal).',
  charset STRING COMMENT 'Character set.',
  encoding STRING COMMENT 'Transfer encoding.',
  format STRING COMMENT 'Format: mime, html or text.',
  subject STRING COMMENT 'Subject line.',
  preheader_text STRING COMMENT 'Preheader text.',
  text STRING COMMENT 'Plain-text body.',
  html STRING COMMENT 'HTML body.',
  htmlfetch STRING COMMENT 'When or from where the HTML body is fetched.',
  textfetch STRING COMMENT 'When or from where the text body is fetched.',
  hidden BIGINT COMMENT '1 if the message is hidden.',
  preview_mime STRING COMMENT 'MIME type of the preview.',
  preview_data STRING COMMENT 'Preview data (null or empty).',
  has_predictive_content BIGINT COMMENT '1 if predictive content is enabled.',
  language_code STRING COMMENT 'Language code of the message.',
  source STRING COMMENT 'Where the message was made.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Every e-mail message of the account (campaign, automation and opt-in messages), with bodies.';

CREATE TABLE IF NOT EXISTS activecampaign.addresses (
  id BIGINT NOT NULL COMMENT 'Address ID.',
  company_name STRING COMMENT 'Company name.',
  address1 STRING COMMENT 'Address line 1.',
  address2 STRING COMMENT 'Address line 2.',
  city STRING COMMENT 'City.',
  state STRING COMMENT 'State or region.',
  district STRING COMMENT 'District.',
  zip STRING COMMENT 'Postal code.',
  country STRING COMMENT 'Country code, e.g. US.',
  allgroup BIGINT COMMENT '1 if every user group may use the address.',
  is_default BIGINT COMMENT '1 if this is the default address.',
  sms_name STRING COMMENT 'Sender name for SMS.',
  created_timestamp TIMESTAMP COMMENT 'When the address was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the address was last updated.',
  created_by BIGINT COMMENT 'ID of the user who created the address.',
  updated_by BIGINT COMMENT 'ID of the user who last updated the address.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Sender (postal) addresses that campaigns and forms print to comply with anti-spam law.';

CREATE TABLE IF NOT EXISTS activecampaign.brandings (
  id BIGINT NOT NULL COMMENT 'Branding ID.',
  groupid BIGINT COMMENT 'ID of the user group the branding applies to.',
  site_name STRING COMMENT 'Site name.',
  site_logo STRING COMMENT 'Logo URL.',
  site_logo_small STRING COMMENT 'Small logo URL.',
  header_text_value STRING COMMENT 'Custom text header.',
  header_html_value STRING COMMENT 'Custom HTML header.',
  footer_text_value STRING COMMENT 'Custom text footer.',
  footer_html_value STRING COMMENT 'Custom HTML footer.',
  copyright BIGINT COMMENT '1 to show the copyright.',
  version BIGINT COMMENT '1 to show the version.',
  license BIGINT COMMENT '1 to show the license.',
  links_flag BIGINT COMMENT '1 to show links.',
  help BIGINT COMMENT '1 to show help.',
  admin_template_htm STRING COMMENT 'Admin template HTML.',
  admin_template_css STRING COMMENT 'Admin template CSS.',
  public_template_htm STRING COMMENT 'Public template HTML.',
  public_template_css STRING COMMENT 'Public template CSS.',
  favicon STRING COMMENT 'Favicon URL.',
  admin_template_htm_backup STRING COMMENT 'Backup of the admin template HTML.',
  admin_template_css_backup STRING COMMENT 'Backup of the admin template CSS.',
  zendesk_widget_enabled BIGINT COMMENT '1 if the Zendesk widget is enabled.',
  created_timestamp TIMESTAMP COMMENT 'When the branding was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the branding was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Branding settings, one row per user group.';

CREATE TABLE IF NOT EXISTS activecampaign.calendars (
  id BIGINT NOT NULL COMMENT 'Calendar feed ID.',
  userid BIGINT COMMENT 'ID of the user owning the feed.',
  title STRING COMMENT 'Feed title.',
  `type` STRING COMMENT 'What the feed shows: All, Deals or Contacts.',
  token STRING COMMENT 'Secret token of the feed\'s subscription URL.',
  notification BIGINT COMMENT '1 if notifications are on.',
  cdate TIMESTAMP COMMENT 'When the feed was created.',
  mdate TIMESTAMP COMMENT 'When the feed was last modified.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Calendar feeds of deal and contact tasks that users subscribe to.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_roles (
  id BIGINT NOT NULL COMMENT 'Deal role ID.',
  title STRING COMMENT 'Role name.',
  created_timestamp TIMESTAMP COMMENT 'When the role was created.',
  updated_timestamp TIMESTAMP COMMENT 'When the role was last updated.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Roles a contact can play on a deal.';

CREATE TABLE IF NOT EXISTS activecampaign.saved_responses (
  id BIGINT NOT NULL COMMENT 'Saved response ID.',
  title STRING COMMENT 'Title.',
  subject STRING COMMENT 'E-mail subject.',
  body STRING COMMENT 'E-mail body.',
  ldate TIMESTAMP COMMENT 'When it was last sent (null if never).',
  last_sent_user_id BIGINT COMMENT 'ID of the user who last sent it.',
  cdate TIMESTAMP COMMENT 'When it was created.',
  mdate TIMESTAMP COMMENT 'When it was last modified (null until edited).',
  userid BIGINT COMMENT 'ID of the user owning it.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'E-mail templates users keep for one-to-one replies.';

CREATE TABLE IF NOT EXISTS activecampaign.webhooks (
  id BIGINT NOT NULL COMMENT 'Webhook ID.',
  name STRING COMMENT 'Webhook name.',
  url STRING COMMENT 'Target URL.',
  events STRING COMMENT 'Event names that trigger the webhook.',
  sources STRING COMMENT 'Sources that trigger it: public, admin, api, system.',
  listid BIGINT COMMENT 'ID of the list it watches (0 = all lists).',
  cdate TIMESTAMP COMMENT 'When the webhook was created.',
  state STRING COMMENT 'State of the webhook.',
  deactivated_date TIMESTAMP COMMENT 'When the webhook was deactivated (null while active).',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Webhooks the account sends, with their events and sources.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_automations (
  id BIGINT NOT NULL COMMENT 'ID of the contact\'s run through the automation.',
  contact BIGINT COMMENT 'Contact ID.',
  seriesid BIGINT COMMENT 'Automation ID.',
  automation BIGINT COMMENT 'Automation ID (the same value as seriesid).',
  startid BIGINT COMMENT 'ID of the start trigger (0 when none).',
  status BIGINT COMMENT 'Status: 1 in the automation, 2 finished or removed.',
  batchid STRING COMMENT 'Batch marker (null, or e.g. completed).',
  adddate TIMESTAMP COMMENT 'When the contact entered the automation.',
  remdate TIMESTAMP COMMENT 'When the contact left the automation (null while in it).',
  timespan BIGINT COMMENT 'Time spent in the automation (unit undocumented).',
  lastblock BIGINT COMMENT 'ID of the last automation block reached.',
  lastlogid BIGINT COMMENT 'ID of the last automation log entry.',
  lastdate TIMESTAMP COMMENT 'When the run last moved.',
  in_als BIGINT COMMENT 'Undocumented counter (newer field).',
  completed_elements BIGINT COMMENT 'Number of automation elements completed.',
  total_elements BIGINT COMMENT 'Number of elements in the automation.',
  completed BIGINT COMMENT '1 if the contact completed the automation.',
  complete_value BIGINT COMMENT 'Percentage of the automation completed (0-100).',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Runs of contacts through automations, with progress and when each entered and left.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_connections (
  id BIGINT NOT NULL COMMENT 'Connection ID.',
  service STRING COMMENT 'Service of the store, e.g. shopify.',
  externalid STRING COMMENT 'ID of the store at the service (often its host name).',
  name STRING COMMENT 'Store name.',
  is_internal BIGINT COMMENT '1 for ActiveCampaign\'s own internal connection.',
  connection_type STRING COMMENT 'Kind of connection, e.g. ecommerce.',
  status BIGINT COMMENT 'Status: 1 enabled, 0 disabled.',
  sync_status BIGINT COMMENT 'Sync status flag.',
  sync_request_time TIMESTAMP COMMENT 'When a sync was last requested.',
  sync_start_time TIMESTAMP COMMENT 'When the last sync started.',
  last_sync TIMESTAMP COMMENT 'When the store last synced (null if never).',
  logo_url STRING COMMENT 'URL of the store\'s logo.',
  link_url STRING COMMENT 'URL of the store.',
  list_id BIGINT COMMENT 'ID of the list new customers join (0 = none).',
  cdate TIMESTAMP COMMENT 'When the connection was created.',
  udate TIMESTAMP COMMENT 'When the connection was last updated.',
  credential_expiration TIMESTAMP COMMENT 'When the store\'s credentials expire (null if unknown).',
  service_name STRING COMMENT 'Name of the service.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'E-commerce integrations (stores) connected to the account, each a source of customers and orders.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_customers (
  id BIGINT NOT NULL COMMENT 'Customer ID.',
  connectionid BIGINT COMMENT 'ID of the connection the customer comes from (0 for the account-wide customer).',
  `connection` BIGINT COMMENT 'Connection ID (null for the account-wide customer).',
  externalid STRING COMMENT 'ID of the customer in the store.',
  email STRING COMMENT 'Customer\'s e-mail address (the contact\'s).',
  total_revenue BIGINT COMMENT 'Total revenue of the customer\'s orders, in cents.',
  total_orders BIGINT COMMENT 'Number of orders.',
  total_products BIGINT COMMENT 'Number of products ordered.',
  avg_revenue_per_order DOUBLE COMMENT 'Average revenue per order, in cents.',
  avg_product_category STRING COMMENT 'Most frequent product category.',
  tstamp TIMESTAMP COMMENT 'When the customer last changed.',
  accepts_marketing BIGINT COMMENT '1 if the customer accepts marketing.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'E-commerce customers, one per e-mail address and connection, with their order totals.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_orders (
  id BIGINT NOT NULL COMMENT 'Order ID.',
  externalid STRING COMMENT 'ID of the order in the store.',
  externalcheckoutid STRING COMMENT 'ID of the checkout in the store (abandoned carts).',
  source BIGINT COMMENT 'Source: 0 historical sync, 1 real time.',
  email STRING COMMENT 'Customer\'s e-mail address.',
  currency STRING COMMENT 'Currency code, e.g. USD.',
  connectionid BIGINT COMMENT 'Connection ID.',
  customerid BIGINT COMMENT 'Customer ID.',
  order_number STRING COMMENT 'Order number shown to the customer.',
  order_url STRING COMMENT 'URL of the order in the store.',
  shipping_method STRING COMMENT 'Shipping method.',
  total_price BIGINT COMMENT 'Total price in cents.',
  shipping_amount BIGINT COMMENT 'Shipping in cents.',
  tax_amount BIGINT COMMENT 'Tax in cents.',
  discount_amount BIGINT COMMENT 'Discount in cents.',
  external_created_date TIMESTAMP COMMENT 'When the order was created in the store.',
  external_updated_date TIMESTAMP COMMENT 'When the order was last updated in the store.',
  abandoned_date TIMESTAMP COMMENT 'When the cart was abandoned (null otherwise).',
  total_products BIGINT COMMENT 'Number of products in the order.',
  created_date TIMESTAMP COMMENT 'When the order was created in ActiveCampaign.',
  updated_date TIMESTAMP COMMENT 'When the order was last updated in ActiveCampaign.',
  state BIGINT COMMENT 'State: 0 pending, 1 completed, 2 abandoned, 3 recovered, 4 waiting for payment.',
  `connection` BIGINT COMMENT 'Connection ID (the same value as connectionid).',
  customer BIGINT COMMENT 'Customer ID (the same value as customerid).',
  order_products STRING COMMENT 'IDs of the order\'s products (ecom_order_products.id).',
  order_date TIMESTAMP COMMENT 'When the order was placed.',
  tstamp TIMESTAMP COMMENT 'When the order record last changed.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'E-commerce orders (completed, pending, abandoned carts), with their totals in cents.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_order_products (
  id BIGINT NOT NULL COMMENT 'Order product ID.',
  orderid BIGINT COMMENT 'Order ID.',
  ecom_order BIGINT COMMENT 'Order ID (normally the same value as orderid).',
  connectionid BIGINT COMMENT 'Connection ID.',
  externalid STRING COMMENT 'ID of the product in the store.',
  sku STRING COMMENT 'Stock keeping unit.',
  name STRING COMMENT 'Product name.',
  description STRING COMMENT 'Product description.',
  price BIGINT COMMENT 'Unit price in cents.',
  quantity BIGINT COMMENT 'Quantity ordered.',
  category STRING COMMENT 'Product category.',
  image_url STRING COMMENT 'URL of the product image.',
  product_url STRING COMMENT 'URL of the product page.',
  created_date TIMESTAMP COMMENT 'When the line was created.',
  updated_date TIMESTAMP COMMENT 'When the line was last updated.',
  tstamp TIMESTAMP COMMENT 'When the line record last changed.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'The products of each e-commerce order (one row per order line).';

CREATE TABLE IF NOT EXISTS activecampaign.activities (
  id BIGINT NOT NULL COMMENT 'Activity ID.',
  tstamp TIMESTAMP COMMENT 'When the activity happened.',
  subscriberid BIGINT COMMENT 'Contact ID.',
  reference_type STRING COMMENT 'Kind of record the activity is about, e.g. SubscriberEmail.',
  reference_id BIGINT COMMENT 'ID of the record the activity is about.',
  reference_action STRING COMMENT 'What happened to the record (often empty).',
  json_data STRING COMMENT 'Extra data of the activity as JSON text (often null).',
  userid BIGINT COMMENT 'ID of the user who acted (0 for the contact\'s own actions).',
  `user` BIGINT COMMENT 'ID of the user who acted (null for the contact\'s own actions).',
  permission STRING COMMENT 'Permission needed to see the activity (often empty).',
  reference_model_name STRING COMMENT 'Model of the referenced record, e.g. contact-email.',
  reference STRING COMMENT 'The referenced record as {type, id}.',
  notes STRING COMMENT 'IDs of notes attached to the activity.',
  recipients STRING COMMENT 'IDs of the activity\'s recipients (activityRecipients).',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'The activity feed of contacts: e-mails, opens, clicks, subscriptions, notes, automations.';

CREATE TABLE IF NOT EXISTS activecampaign.email_activities (
  id BIGINT NOT NULL COMMENT 'E-mail activity ID.',
  subscriberid BIGINT COMMENT 'Contact ID.',
  userid BIGINT COMMENT 'ID of the user who sent or logged the e-mail.',
  d_id BIGINT COMMENT 'Deal ID (0 when the e-mail is not on a deal).',
  deal BIGINT COMMENT 'Deal ID (null when the e-mail is not on a deal).',
  `account` BIGINT COMMENT 'Account ID, when logged on an account.',
  reltype STRING COMMENT 'What the e-mail is logged on: Subscriber or Deal.',
  relid BIGINT COMMENT 'ID of the contact or deal it is logged on.',
  from_name STRING COMMENT 'Sender name.',
  from_address STRING COMMENT 'Sender address.',
  to_address STRING COMMENT 'Recipient address.',
  cc_address STRING COMMENT 'Cc addresses.',
  subject STRING COMMENT 'Subject.',
  message STRING COMMENT 'Plain-text body.',
  message_html STRING COMMENT 'HTML body.',
  tstamp TIMESTAMP COMMENT 'When the e-mail was sent or logged.',
  contact BIGINT COMMENT 'Contact ID (the same value as subscriberid).',
  `user` BIGINT COMMENT 'User ID (the same value as userid).',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'One-to-one e-mails logged on contacts and deals, with sender, recipients and body.';

CREATE TABLE IF NOT EXISTS activecampaign.site_tracking_domains (
  name STRING NOT NULL COMMENT 'Domain name.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (name)
)
COMMENT 'Domains whitelisted for site tracking.';

CREATE TABLE IF NOT EXISTS activecampaign.custom_object_schemas (
  id STRING NOT NULL COMMENT 'Schema ID (a UUID).',
  slug STRING COMMENT 'Schema slug, unique in the account (names its table: custom_object_<slug>).',
  visibility STRING COMMENT 'private or public (a public schema belongs to an app).',
  label_singular STRING COMMENT 'Singular label of the object.',
  label_plural STRING COMMENT 'Plural label of the object.',
  description STRING COMMENT 'Description of the schema.',
  created_timestamp TIMESTAMP COMMENT 'When the schema was created (UTC).',
  updated_timestamp TIMESTAMP COMMENT 'When the schema was last updated (UTC).',
  fields STRING COMMENT 'The object\'s fields: id, labels, type, required, scale, options, status.',
  relationships STRING COMMENT 'Relationships to other objects: id, labels, namespace (contacts, accounts, deals), hasMany.',
  icon STRING COMMENT 'URL of the object\'s icon.',
  _acx_synced_at TIMESTAMP COMMENT 'When acx last wrote this row (UTC): the commit of the run that read it.',
  _acx_deleted_at TIMESTAMP COMMENT 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.',
  PRIMARY KEY (id)
)
COMMENT 'Each custom object type the account defines, with its fields and relationships.';
