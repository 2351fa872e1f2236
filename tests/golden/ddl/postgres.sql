CREATE TABLE IF NOT EXISTS activecampaign.accounts (
  id BIGINT NOT NULL,
  account_url TEXT,
  contact_count BIGINT,
  created_timestamp TIMESTAMPTZ,
  deal_count BIGINT,
  name TEXT,
  owner BIGINT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.accounts IS 'Accounts managed in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.accounts.id IS 'Account ID.';
COMMENT ON COLUMN activecampaign.accounts.account_url IS 'URL recorded for the account.';
COMMENT ON COLUMN activecampaign.accounts.contact_count IS 'Number of contacts linked to the account.';
COMMENT ON COLUMN activecampaign.accounts.created_timestamp IS 'When the account was created.';
COMMENT ON COLUMN activecampaign.accounts.deal_count IS 'Number of deals associated with the account.';
COMMENT ON COLUMN activecampaign.accounts.name IS 'The account name.';
COMMENT ON COLUMN activecampaign.accounts.owner IS 'ID of the account owner.';
COMMENT ON COLUMN activecampaign.accounts.updated_timestamp IS 'When the account was last updated.';
COMMENT ON COLUMN activecampaign.accounts._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.accounts._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.account_contacts (
  id BIGINT NOT NULL,
  "account" BIGINT,
  contact BIGINT,
  created_timestamp TIMESTAMPTZ,
  job_title TEXT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.account_contacts IS 'ActiveCampaign relationships between accounts and contacts.';
COMMENT ON COLUMN activecampaign.account_contacts.id IS 'Association ID between account and contact.';
COMMENT ON COLUMN activecampaign.account_contacts."account" IS 'Account ID';
COMMENT ON COLUMN activecampaign.account_contacts.contact IS 'Contact ID';
COMMENT ON COLUMN activecampaign.account_contacts.created_timestamp IS 'Creation datetime of the account-contact link.';
COMMENT ON COLUMN activecampaign.account_contacts.job_title IS 'Job Title of the contact at the account';
COMMENT ON COLUMN activecampaign.account_contacts.updated_timestamp IS 'When the account-contact link was last updated.';
COMMENT ON COLUMN activecampaign.account_contacts._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.account_contacts._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.account_custom_field_data (
  id BIGINT NOT NULL,
  account_id BIGINT,
  created_timestamp TIMESTAMPTZ,
  custom_field_id BIGINT,
  field_currency TEXT,
  field_value TEXT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.account_custom_field_data IS 'ActiveCampaign account custom field values with currency and links to accounts/field meta.';
COMMENT ON COLUMN activecampaign.account_custom_field_data.id IS 'Custom field value ID.';
COMMENT ON COLUMN activecampaign.account_custom_field_data.account_id IS 'The ID of the account this field value relates to';
COMMENT ON COLUMN activecampaign.account_custom_field_data.created_timestamp IS 'When the custom field value was created.';
COMMENT ON COLUMN activecampaign.account_custom_field_data.custom_field_id IS 'The ID of the custom field metum this field value relates to';
COMMENT ON COLUMN activecampaign.account_custom_field_data.field_currency IS 'Currency code for the money value';
COMMENT ON COLUMN activecampaign.account_custom_field_data.field_value IS 'Values for the field';
COMMENT ON COLUMN activecampaign.account_custom_field_data.updated_timestamp IS 'When the custom field value was last updated.';
COMMENT ON COLUMN activecampaign.account_custom_field_data._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.account_custom_field_data._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.account_custom_field_meta (
  id BIGINT NOT NULL,
  created_by BIGINT,
  created_timestamp TIMESTAMPTZ,
  display_order BIGINT,
  field_default TEXT,
  field_default_currency TEXT,
  field_label TEXT,
  field_options TEXT,
  field_type TEXT,
  hide_field_flag BIGINT,
  is_form_visible BIGINT,
  is_required BIGINT,
  known_field_id BIGINT,
  personalization TEXT,
  updated_by BIGINT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.account_custom_field_meta IS 'ActiveCampaign account custom field metadata.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.id IS 'Custom field ID.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.created_by IS 'User who created the field.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.created_timestamp IS 'When the field was created.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.display_order IS 'Order for displaying the field on Manage Fields page and deal profiles';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.field_default IS 'Default value of the field';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.field_default_currency IS 'Default currency for the field (3-letter code).';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.field_label IS 'Name of the field';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.field_options IS 'Options for the field.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.field_type IS 'Type of field. Possible values are: text, textarea, date, datetime, dropdown, multiselect, radio, checkbox, hidden, currency, or number.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.hide_field_flag IS 'Whether the field is hidden (1) or visible (0).';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.is_form_visible IS 'Whether or not the field is visible on forms';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.is_required IS 'Whether the field is required (1) or optional (0).';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.known_field_id IS 'Identifier if the field maps to a known predefined field.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.personalization IS 'Personalization tag for using the field in messages.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.updated_by IS 'User who last updated the field.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta.updated_timestamp IS 'When the field was last updated.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.account_custom_field_meta._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.account_notes (
  id BIGINT NOT NULL,
  "account" BIGINT,
  cdate TIMESTAMPTZ,
  is_draft BIGINT,
  mdate TIMESTAMPTZ,
  note TEXT,
  owner_id BIGINT,
  owner_type TEXT,
  userid BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.account_notes IS 'Notes recorded on accounts in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.account_notes.id IS 'Note ID.';
COMMENT ON COLUMN activecampaign.account_notes."account" IS 'Account ID linked to the note.';
COMMENT ON COLUMN activecampaign.account_notes.cdate IS 'When the note was created.';
COMMENT ON COLUMN activecampaign.account_notes.is_draft IS 'Whether the note is in draft status (1) or published (0).';
COMMENT ON COLUMN activecampaign.account_notes.mdate IS 'When the note was last modified.';
COMMENT ON COLUMN activecampaign.account_notes.note IS 'Text of the note.';
COMMENT ON COLUMN activecampaign.account_notes.owner_id IS 'ID of the note owner.';
COMMENT ON COLUMN activecampaign.account_notes.owner_type IS 'Type of owner tied to the note (e.g., account).';
COMMENT ON COLUMN activecampaign.account_notes.userid IS 'ID of the user who created the note.';
COMMENT ON COLUMN activecampaign.account_notes._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.account_notes._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.campaigns (
  id BIGINT NOT NULL,
  activerss_interval TEXT,
  activerss_items BIGINT,
  activerss_url TEXT,
  addressid BIGINT,
  analytics_campaign_name TEXT,
  automation BIGINT,
  basemessageid BIGINT,
  basetemplateid TEXT,
  bounceid BIGINT,
  can_skip_approval BIGINT,
  cdate TIMESTAMPTZ,
  created_timestamp TIMESTAMPTZ,
  embed_images BIGINT,
  facebook BIGINT,
  formid BIGINT,
  forwards BIGINT,
  hardbounces BIGINT,
  has_predictive_content BIGINT,
  htmlunsub BIGINT,
  htmlunsubdata TEXT,
  ip TEXT,
  ip4 TEXT,
  laststep TEXT,
  ldate TIMESTAMPTZ,
  linkclicks BIGINT,
  mail_cleanup BIGINT,
  mail_send BIGINT,
  mail_transfer BIGINT,
  mailer_log_file BIGINT,
  managetext BIGINT,
  mdate TIMESTAMPTZ,
  name TEXT,
  opens BIGINT,
  "public" BIGINT,
  realcid BIGINT,
  recurring TEXT,
  reminder_field TEXT,
  reminder_format TEXT,
  reminder_last_cron_run TEXT,
  reminder_offset BIGINT,
  reminder_offset_sign TEXT,
  reminder_offset_type TEXT,
  reminder_type TEXT,
  replies BIGINT,
  replysys BIGINT,
  responder_existing BIGINT,
  responder_offset BIGINT,
  responder_type TEXT,
  schedule BIGINT,
  scheduleddate TEXT,
  screenshot TEXT,
  sdate TIMESTAMPTZ,
  segmentid BIGINT,
  segmentname TEXT,
  send_amt BIGINT,
  sendid BIGINT,
  series_send_lock_time TEXT,
  seriesid BIGINT,
  socialshares BIGINT,
  softbounces BIGINT,
  source TEXT,
  split_content BIGINT,
  split_offset BIGINT,
  split_offset_type TEXT,
  split_type TEXT,
  split_winner_awaiting BIGINT,
  split_winner_messageid BIGINT,
  status BIGINT,
  subscriberclicks BIGINT,
  survey TEXT,
  textunsub BIGINT,
  textunsubdata TEXT,
  threadid BIGINT,
  total_amt BIGINT,
  tracklinks TEXT,
  tracklinksanalytics BIGINT,
  trackreads BIGINT,
  trackreadsanalytics BIGINT,
  tweet BIGINT,
  "type" TEXT,
  uniqueforwards BIGINT,
  uniquelinkclicks BIGINT,
  uniqueopens BIGINT,
  uniquereplies BIGINT,
  unsubreasons BIGINT,
  unsubscribes BIGINT,
  updates BIGINT,
  use_quartz_scheduler BIGINT,
  userid BIGINT,
  waitpreview BIGINT,
  willrecur BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.campaigns IS 'Campaign settings and metrics.';
COMMENT ON COLUMN activecampaign.campaigns.id IS 'id of the automation';
COMMENT ON COLUMN activecampaign.campaigns.activerss_interval IS 'Interval used for ActiveRSS schedule.';
COMMENT ON COLUMN activecampaign.campaigns.activerss_items IS 'Number of items pulled from the RSS feed.';
COMMENT ON COLUMN activecampaign.campaigns.activerss_url IS 'RSS feed URL connected to the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.addressid IS 'Sender address profile ID for the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.analytics_campaign_name IS 'Custom campaign name used in analytics tracking.';
COMMENT ON COLUMN activecampaign.campaigns.automation IS 'Automation ID tied to the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.basemessageid IS 'Base message ID from which the campaign was created.';
COMMENT ON COLUMN activecampaign.campaigns.basetemplateid IS 'Base template ID applied to the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.bounceid IS 'Bounce handling profile ID.';
COMMENT ON COLUMN activecampaign.campaigns.can_skip_approval IS 'Flag indicating if the campaign can skip approval.';
COMMENT ON COLUMN activecampaign.campaigns.cdate IS 'When the campaign was created.';
COMMENT ON COLUMN activecampaign.campaigns.created_timestamp IS 'Timestamp when the campaign record was created.';
COMMENT ON COLUMN activecampaign.campaigns.embed_images IS 'Flag to embed images in the email body.';
COMMENT ON COLUMN activecampaign.campaigns.facebook IS 'Flag enabling Facebook sharing.';
COMMENT ON COLUMN activecampaign.campaigns.formid IS 'Form ID associated with the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.forwards IS 'Number of forwards.';
COMMENT ON COLUMN activecampaign.campaigns.hardbounces IS 'Hard bounce count.';
COMMENT ON COLUMN activecampaign.campaigns.has_predictive_content IS 'Flag indicating predictive content availability.';
COMMENT ON COLUMN activecampaign.campaigns.htmlunsub IS 'HTML content used for unsubscribe.';
COMMENT ON COLUMN activecampaign.campaigns.htmlunsubdata IS 'Additional HTML data for unsubscribe content.';
COMMENT ON COLUMN activecampaign.campaigns.ip IS 'IP address logged when the campaign was created.';
COMMENT ON COLUMN activecampaign.campaigns.ip4 IS 'IPv4 address logged for the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.laststep IS 'Last workflow step executed for the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.ldate IS 'When the campaign was last modified.';
COMMENT ON COLUMN activecampaign.campaigns.linkclicks IS 'Total link clicks.';
COMMENT ON COLUMN activecampaign.campaigns.mail_cleanup IS 'Flag controlling mailbox cleanup after send.';
COMMENT ON COLUMN activecampaign.campaigns.mail_send IS 'Flag controlling whether the campaign should send.';
COMMENT ON COLUMN activecampaign.campaigns.mail_transfer IS 'Flag controlling mail transfer handling.';
COMMENT ON COLUMN activecampaign.campaigns.mailer_log_file IS 'Name of the mailer log file.';
COMMENT ON COLUMN activecampaign.campaigns.managetext IS 'Plain-text manage-subscription content.';
COMMENT ON COLUMN activecampaign.campaigns.mdate IS 'When the campaign was last updated.';
COMMENT ON COLUMN activecampaign.campaigns.name IS 'Campaign name.';
COMMENT ON COLUMN activecampaign.campaigns.opens IS 'Total opens.';
COMMENT ON COLUMN activecampaign.campaigns."public" IS 'Flag indicating if the campaign is public.';
COMMENT ON COLUMN activecampaign.campaigns.realcid IS 'Internal real campaign identifier.';
COMMENT ON COLUMN activecampaign.campaigns.recurring IS 'Flag indicating if the campaign recurs.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_field IS 'Reminder field value for scheduled sends.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_format IS 'Format used for reminders.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_last_cron_run IS 'When the reminder cron last ran.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_offset IS 'Offset value for reminder timing.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_offset_sign IS 'Offset sign applied to reminder timing.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_offset_type IS 'Offset unit for reminder timing.';
COMMENT ON COLUMN activecampaign.campaigns.reminder_type IS 'Reminder type used for the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.replies IS 'Number of replies.';
COMMENT ON COLUMN activecampaign.campaigns.replysys IS 'Flag for using system reply address.';
COMMENT ON COLUMN activecampaign.campaigns.responder_existing IS 'Auto-responder behavior for existing contacts.';
COMMENT ON COLUMN activecampaign.campaigns.responder_offset IS 'Delay offset applied to responder sends.';
COMMENT ON COLUMN activecampaign.campaigns.responder_type IS 'Type of responder sequence.';
COMMENT ON COLUMN activecampaign.campaigns.schedule IS 'Scheduling status for the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.scheduleddate IS 'Scheduled date and time for sending.';
COMMENT ON COLUMN activecampaign.campaigns.screenshot IS 'URL of the campaign screenshot.';
COMMENT ON COLUMN activecampaign.campaigns.sdate IS 'Send date/time of the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.segmentid IS 'Segment ID applied to the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.segmentname IS 'Name of the segment applied to the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.send_amt IS 'Number of recipients targeted.';
COMMENT ON COLUMN activecampaign.campaigns.sendid IS 'Send batch identifier.';
COMMENT ON COLUMN activecampaign.campaigns.series_send_lock_time IS 'Lock time before series send executes.';
COMMENT ON COLUMN activecampaign.campaigns.seriesid IS 'Series ID linked to the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.socialshares IS 'Number of social shares.';
COMMENT ON COLUMN activecampaign.campaigns.softbounces IS 'Soft bounce count.';
COMMENT ON COLUMN activecampaign.campaigns.source IS 'Source indicator for how the campaign was created.';
COMMENT ON COLUMN activecampaign.campaigns.split_content IS 'Content variant details for split tests.';
COMMENT ON COLUMN activecampaign.campaigns.split_offset IS 'Offset value used in split scheduling.';
COMMENT ON COLUMN activecampaign.campaigns.split_offset_type IS 'Offset unit used in split scheduling.';
COMMENT ON COLUMN activecampaign.campaigns.split_type IS 'Type of split test configured.';
COMMENT ON COLUMN activecampaign.campaigns.split_winner_awaiting IS 'Flag indicating winner selection is pending.';
COMMENT ON COLUMN activecampaign.campaigns.split_winner_messageid IS 'Message ID of the winning variant.';
COMMENT ON COLUMN activecampaign.campaigns.status IS 'Status code of the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.subscriberclicks IS 'Clicks recorded from subscribers.';
COMMENT ON COLUMN activecampaign.campaigns.survey IS 'Survey ID associated with the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.textunsub IS 'Plain-text content used for unsubscribe.';
COMMENT ON COLUMN activecampaign.campaigns.textunsubdata IS 'Additional text data for unsubscribe content.';
COMMENT ON COLUMN activecampaign.campaigns.threadid IS 'Email thread identifier.';
COMMENT ON COLUMN activecampaign.campaigns.total_amt IS 'Total size of the campaign audience.';
COMMENT ON COLUMN activecampaign.campaigns.tracklinks IS 'Link tracking mode indicator.';
COMMENT ON COLUMN activecampaign.campaigns.tracklinksanalytics IS 'Analytics tracking setting for links.';
COMMENT ON COLUMN activecampaign.campaigns.trackreads IS 'Open tracking mode indicator.';
COMMENT ON COLUMN activecampaign.campaigns.trackreadsanalytics IS 'Analytics tracking setting for opens.';
COMMENT ON COLUMN activecampaign.campaigns.tweet IS 'Flag enabling Twitter sharing.';
COMMENT ON COLUMN activecampaign.campaigns."type" IS 'Campaign type identifier.';
COMMENT ON COLUMN activecampaign.campaigns.uniqueforwards IS 'Unique forward count.';
COMMENT ON COLUMN activecampaign.campaigns.uniquelinkclicks IS 'Unique link clicks.';
COMMENT ON COLUMN activecampaign.campaigns.uniqueopens IS 'Unique opens.';
COMMENT ON COLUMN activecampaign.campaigns.uniquereplies IS 'Unique replies.';
COMMENT ON COLUMN activecampaign.campaigns.unsubreasons IS 'Aggregated reasons for unsubscribes.';
COMMENT ON COLUMN activecampaign.campaigns.unsubscribes IS 'Unsubscribe count.';
COMMENT ON COLUMN activecampaign.campaigns.updates IS 'Number of updates processed for the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.use_quartz_scheduler IS 'Flag indicating the Quartz scheduler is used.';
COMMENT ON COLUMN activecampaign.campaigns.userid IS 'User ID that owns the campaign.';
COMMENT ON COLUMN activecampaign.campaigns.waitpreview IS 'Flag to wait for preview processing.';
COMMENT ON COLUMN activecampaign.campaigns.willrecur IS 'Flag indicating the campaign will recur.';
COMMENT ON COLUMN activecampaign.campaigns._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.campaigns._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_messages (
  id BIGINT NOT NULL,
  campaignid BIGINT,
  forwards BIGINT,
  hardbounces BIGINT,
  initial_split_percentage DOUBLE PRECISION,
  linkclicks BIGINT,
  messageid BIGINT,
  opens BIGINT,
  percentage DOUBLE PRECISION,
  replies BIGINT,
  screenshot TEXT,
  send_amt BIGINT,
  socialshares BIGINT,
  softbounces BIGINT,
  sourcesize BIGINT,
  spamcheck_max DOUBLE PRECISION,
  spamcheck_score DOUBLE PRECISION,
  subject TEXT,
  subscriberclicks BIGINT,
  total_amt BIGINT,
  uniqueforwards BIGINT,
  uniquelinkclicks BIGINT,
  uniqueopens BIGINT,
  uniquereplies BIGINT,
  unsubreasons BIGINT,
  unsubscribes BIGINT,
  updates BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.campaign_messages IS 'Metrics for campaign messages.';
COMMENT ON COLUMN activecampaign.campaign_messages.id IS 'Message metrics record ID.';
COMMENT ON COLUMN activecampaign.campaign_messages.campaignid IS 'automation or campaign id';
COMMENT ON COLUMN activecampaign.campaign_messages.forwards IS 'Number of times the message was forwarded.';
COMMENT ON COLUMN activecampaign.campaign_messages.hardbounces IS 'Count of hard bounces for the message.';
COMMENT ON COLUMN activecampaign.campaign_messages.initial_split_percentage IS 'Percentage used to split traffic for this variant.';
COMMENT ON COLUMN activecampaign.campaign_messages.linkclicks IS 'Total link clicks in the message.';
COMMENT ON COLUMN activecampaign.campaign_messages.messageid IS 'message id';
COMMENT ON COLUMN activecampaign.campaign_messages.opens IS 'Total opens for the message.';
COMMENT ON COLUMN activecampaign.campaign_messages.percentage IS 'Percentage of audience this message variant received.';
COMMENT ON COLUMN activecampaign.campaign_messages.replies IS 'Number of replies recorded.';
COMMENT ON COLUMN activecampaign.campaign_messages.screenshot IS 'URL of the message screenshot.';
COMMENT ON COLUMN activecampaign.campaign_messages.send_amt IS 'Number of messages sent.';
COMMENT ON COLUMN activecampaign.campaign_messages.socialshares IS 'Count of social shares.';
COMMENT ON COLUMN activecampaign.campaign_messages.softbounces IS 'Count of soft bounces for the message.';
COMMENT ON COLUMN activecampaign.campaign_messages.sourcesize IS 'Size of the audience source for the send.';
COMMENT ON COLUMN activecampaign.campaign_messages.spamcheck_max IS 'Maximum spam score allowed.';
COMMENT ON COLUMN activecampaign.campaign_messages.spamcheck_score IS 'Spam score calculated for the message.';
COMMENT ON COLUMN activecampaign.campaign_messages.subject IS 'Message subject line.';
COMMENT ON COLUMN activecampaign.campaign_messages.subscriberclicks IS 'Unique subscriber link clicks.';
COMMENT ON COLUMN activecampaign.campaign_messages.total_amt IS 'Total recipients targeted by the message.';
COMMENT ON COLUMN activecampaign.campaign_messages.uniqueforwards IS 'Unique forward count.';
COMMENT ON COLUMN activecampaign.campaign_messages.uniquelinkclicks IS 'Unique link clicks.';
COMMENT ON COLUMN activecampaign.campaign_messages.uniqueopens IS 'Unique opens.';
COMMENT ON COLUMN activecampaign.campaign_messages.uniquereplies IS 'Unique replies.';
COMMENT ON COLUMN activecampaign.campaign_messages.unsubreasons IS 'Aggregated reasons for unsubscribe actions.';
COMMENT ON COLUMN activecampaign.campaign_messages.unsubscribes IS 'Unsubscribe count.';
COMMENT ON COLUMN activecampaign.campaign_messages.updates IS 'Number of updates processed for the message metrics.';
COMMENT ON COLUMN activecampaign.campaign_messages._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.campaign_messages._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_message_contents (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  charset TEXT,
  ed_instanceid BIGINT,
  ed_version BIGINT,
  encoding TEXT,
  format TEXT,
  fromemail TEXT,
  fromname TEXT,
  has_predictive_content BIGINT,
  hidden BIGINT,
  htmlfetch TEXT,
  mdate TIMESTAMPTZ,
  name TEXT,
  preheader_text TEXT,
  preview_data TEXT,
  preview_mime TEXT,
  priority BIGINT,
  reply2 TEXT,
  subject TEXT,
  text TEXT,
  textfetch TEXT,
  userid BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.campaign_message_contents IS 'Campaign message content details.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.id IS 'id of the message';
COMMENT ON COLUMN activecampaign.campaign_message_contents.cdate IS 'When the message content was created.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.charset IS 'Character set used for the message content.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.ed_instanceid IS 'Editor instance identifier for the message.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.ed_version IS 'Editor version used for the content.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.encoding IS 'Email encoding type for the message.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.format IS 'Format of the message content.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.fromemail IS 'Sender email configured for the message.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.fromname IS 'Sender name configured for the message.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.has_predictive_content IS 'Flag indicating predictive content is enabled.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.hidden IS 'Visibility flag for the message content.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.htmlfetch IS 'When HTML content should be fetched.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.mdate IS 'When the message content was last modified.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.name IS 'Internal name of the message content.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.preheader_text IS 'Preheader Text';
COMMENT ON COLUMN activecampaign.campaign_message_contents.preview_data IS 'Preview payload used for rendering tests.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.preview_mime IS 'MIME type used in the preview.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.priority IS 'Priority level assigned to the message.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.reply2 IS 'Reply email for the recipient to reply to';
COMMENT ON COLUMN activecampaign.campaign_message_contents.subject IS 'Subject of message';
COMMENT ON COLUMN activecampaign.campaign_message_contents.text IS 'text of the mensage. Obs. 1000 charecters limit';
COMMENT ON COLUMN activecampaign.campaign_message_contents.textfetch IS 'When plain-text content should be fetched.';
COMMENT ON COLUMN activecampaign.campaign_message_contents.userid IS 'User ID owning this message content.';
COMMENT ON COLUMN activecampaign.campaign_message_contents._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.campaign_message_contents._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contacts (
  id BIGINT NOT NULL,
  adate TIMESTAMPTZ,
  anonymized BIGINT,
  bounced_date DATE,
  bounced_hard BIGINT,
  bounced_soft BIGINT,
  cdate TIMESTAMPTZ,
  created_timestamp TIMESTAMPTZ,
  created_utc_timestamp TIMESTAMPTZ,
  deleted BIGINT,
  deleted_at TIMESTAMPTZ,
  edate TIMESTAMPTZ,
  email TEXT,
  email_domain TEXT,
  email_empty BOOLEAN,
  email_local TEXT,
  first_name TEXT,
  gravatar BIGINT,
  "hash" TEXT,
  ip TEXT,
  last_name TEXT,
  mpp_tracking BIGINT,
  orgid BIGINT,
  orgname TEXT,
  phone TEXT,
  rating_tstamp DATE,
  segmentio_id TEXT,
  sentcnt BIGINT,
  socialdata_lastcheck TIMESTAMPTZ,
  ua TEXT,
  udate TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  updated_utc_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contacts IS 'Contacts managed in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contacts.id IS 'Contact ID.';
COMMENT ON COLUMN activecampaign.contacts.adate IS 'When the contact was added.';
COMMENT ON COLUMN activecampaign.contacts.anonymized IS 'Flag indicating the contact was anonymized.';
COMMENT ON COLUMN activecampaign.contacts.bounced_date IS 'Date of the last bounce event.';
COMMENT ON COLUMN activecampaign.contacts.bounced_hard IS 'Hard bounce status flag.';
COMMENT ON COLUMN activecampaign.contacts.bounced_soft IS 'Soft bounce status flag.';
COMMENT ON COLUMN activecampaign.contacts.cdate IS 'When the contact was created.';
COMMENT ON COLUMN activecampaign.contacts.created_timestamp IS 'When the contact record was created.';
COMMENT ON COLUMN activecampaign.contacts.created_utc_timestamp IS 'Creation timestamp stored without timezone.';
COMMENT ON COLUMN activecampaign.contacts.deleted IS 'Flag indicating the contact was deleted.';
COMMENT ON COLUMN activecampaign.contacts.deleted_at IS 'When the contact was deleted.';
COMMENT ON COLUMN activecampaign.contacts.edate IS 'When the contact record was last edited.';
COMMENT ON COLUMN activecampaign.contacts.email IS 'Email address of the new contact.';
COMMENT ON COLUMN activecampaign.contacts.email_domain IS 'Domain portion of the contact email.';
COMMENT ON COLUMN activecampaign.contacts.email_empty IS 'Flag indicating the email field is empty.';
COMMENT ON COLUMN activecampaign.contacts.email_local IS 'Local part of the contact email.';
COMMENT ON COLUMN activecampaign.contacts.first_name IS 'First name of the new contact.';
COMMENT ON COLUMN activecampaign.contacts.gravatar IS 'Flag indicating if a Gravatar image is available.';
COMMENT ON COLUMN activecampaign.contacts."hash" IS 'Hashed identifier for the contact.';
COMMENT ON COLUMN activecampaign.contacts.ip IS 'IP address captured for the contact.';
COMMENT ON COLUMN activecampaign.contacts.last_name IS 'Last name of the new contact.';
COMMENT ON COLUMN activecampaign.contacts.mpp_tracking IS 'Indicator for mail privacy protection tracking.';
COMMENT ON COLUMN activecampaign.contacts.orgid IS 'Organization ID linked to the contact.';
COMMENT ON COLUMN activecampaign.contacts.orgname IS 'Organization name linked to the contact.';
COMMENT ON COLUMN activecampaign.contacts.phone IS 'Phone number of the contact.';
COMMENT ON COLUMN activecampaign.contacts.rating_tstamp IS 'When the contact rating was last updated.';
COMMENT ON COLUMN activecampaign.contacts.segmentio_id IS 'Segment.io identifier stored for the contact.';
COMMENT ON COLUMN activecampaign.contacts.sentcnt IS 'Number of emails sent to the contact.';
COMMENT ON COLUMN activecampaign.contacts.socialdata_lastcheck IS 'When social data was last refreshed.';
COMMENT ON COLUMN activecampaign.contacts.ua IS 'User agent string captured for the contact.';
COMMENT ON COLUMN activecampaign.contacts.udate IS 'When the contact was last updated.';
COMMENT ON COLUMN activecampaign.contacts.updated_timestamp IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.contacts.updated_utc_timestamp IS 'Last update stored without timezone.';
COMMENT ON COLUMN activecampaign.contacts._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contacts._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_field_values (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  contact BIGINT,
  field BIGINT,
  owner BIGINT,
  udate TIMESTAMPTZ,
  value TEXT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_field_values IS 'Contact custom field values in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contact_field_values.id IS 'Custom field value ID.';
COMMENT ON COLUMN activecampaign.contact_field_values.cdate IS 'When the contact custom field value was created.';
COMMENT ON COLUMN activecampaign.contact_field_values.contact IS 'ID of the contact';
COMMENT ON COLUMN activecampaign.contact_field_values.field IS 'ID of the custom field';
COMMENT ON COLUMN activecampaign.contact_field_values.owner IS 'ID of the user who owns the field value.';
COMMENT ON COLUMN activecampaign.contact_field_values.udate IS 'When the custom field value was last updated.';
COMMENT ON COLUMN activecampaign.contact_field_values.value IS 'Value for the field';
COMMENT ON COLUMN activecampaign.contact_field_values._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_field_values._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_custom_fields (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  cols BIGINT,
  created_by BIGINT,
  created_timestamp TIMESTAMPTZ,
  defval TEXT,
  descript TEXT,
  isrequired BIGINT,
  ordernum BIGINT,
  perstag TEXT,
  "rows" BIGINT,
  show_in_list BIGINT,
  title TEXT,
  "type" TEXT,
  udate TIMESTAMPTZ,
  updated_by BIGINT,
  updated_timestamp TIMESTAMPTZ,
  service TEXT,
  visible BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_custom_fields IS 'Contact custom field metadata in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.id IS 'Custom field ID.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.cdate IS 'When the field was created.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.cols IS 'Number of columns for layout (when applicable).';
COMMENT ON COLUMN activecampaign.contact_custom_fields.created_by IS 'User who created the field.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.created_timestamp IS 'When the field metadata was created.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.defval IS 'Default value of the field created';
COMMENT ON COLUMN activecampaign.contact_custom_fields.descript IS 'Description of field being created';
COMMENT ON COLUMN activecampaign.contact_custom_fields.isrequired IS 'Whether the field is required (1) or optional (0).';
COMMENT ON COLUMN activecampaign.contact_custom_fields.ordernum IS 'Order of appearance in ‘My Fields’ tab.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.perstag IS 'The perstag that represents the field created';
COMMENT ON COLUMN activecampaign.contact_custom_fields."rows" IS 'Number of rows for layout (when applicable).';
COMMENT ON COLUMN activecampaign.contact_custom_fields.show_in_list IS 'Whether the field is shown in list views.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.title IS 'Title of the field created';
COMMENT ON COLUMN activecampaign.contact_custom_fields."type" IS 'Possible Values: dropdown, hidden, checkbox, date, text, datetime, textarea, NULL, listbox, radio';
COMMENT ON COLUMN activecampaign.contact_custom_fields.udate IS 'When the field metadata was last updated (string).';
COMMENT ON COLUMN activecampaign.contact_custom_fields.updated_by IS 'User who last updated the field.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.updated_timestamp IS 'When the field metadata was last updated.';
COMMENT ON COLUMN activecampaign.contact_custom_fields.service IS 'Possible Vales: nimble, contactually, mindbody, salesforce, highrise, google_spreadsheets, pipedrive, onepage, google_contacts, freshbooks, shopify, zendesk, etsy, NULL, bigcommerce, capsule, bigcommerce_oauth, sugarcrm, zohocrm, batchbook';
COMMENT ON COLUMN activecampaign.contact_custom_fields.visible IS 'Show or hide this field when using the Form Builder';
COMMENT ON COLUMN activecampaign.contact_custom_fields._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_custom_fields._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_custom_field_options (
  field BIGINT,
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  label TEXT,
  orderid BIGINT,
  udate TIMESTAMPTZ,
  value TEXT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_custom_field_options IS 'Options associated to contact custom fields.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.field IS 'Identifier of the field metadata.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.id IS 'Identifier of the field option.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.cdate IS 'When the option was created.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.label IS 'Label shown for the option.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.orderid IS 'Display order of the option.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.udate IS 'When the option was last updated.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options.value IS 'Underlying value stored for the option.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_custom_field_options._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_list_activity (
  id BIGINT NOT NULL,
  automation BIGINT,
  autosync_log TEXT,
  campaign TEXT,
  contact BIGINT,
  created_timestamp TIMESTAMPTZ,
  form BIGINT,
  first_name TEXT,
  ip4_sub TEXT,
  ip4_unsub TEXT,
  ip4_last TEXT,
  last_name TEXT,
  list BIGINT,
  message TEXT,
  responder BIGINT,
  sdate TIMESTAMPTZ,
  seriesid BIGINT,
  sourceid BIGINT,
  status BIGINT,
  sync BIGINT,
  udate TIMESTAMPTZ,
  unsubreason TEXT,
  unsubscribe_automation TEXT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_list_activity IS 'List subscription activities for contacts in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contact_list_activity.id IS 'Activity ID.';
COMMENT ON COLUMN activecampaign.contact_list_activity.automation IS 'Automation ID related to the activity.';
COMMENT ON COLUMN activecampaign.contact_list_activity.autosync_log IS 'Metadata captured when the activity came from an automatic sync.';
COMMENT ON COLUMN activecampaign.contact_list_activity.campaign IS 'Campaign ID tied to the list action.';
COMMENT ON COLUMN activecampaign.contact_list_activity.contact IS 'Contact ID.';
COMMENT ON COLUMN activecampaign.contact_list_activity.created_timestamp IS 'When the list activity was created.';
COMMENT ON COLUMN activecampaign.contact_list_activity.form IS 'Form ID used in the list action.';
COMMENT ON COLUMN activecampaign.contact_list_activity.first_name IS 'First name captured in the activity.';
COMMENT ON COLUMN activecampaign.contact_list_activity.ip4_sub IS 'IPv4 address used when subscribing.';
COMMENT ON COLUMN activecampaign.contact_list_activity.ip4_unsub IS 'IPv4 address used when unsubscribing.';
COMMENT ON COLUMN activecampaign.contact_list_activity.ip4_last IS 'Last IPv4 address recorded for the list activity.';
COMMENT ON COLUMN activecampaign.contact_list_activity.last_name IS 'Last name captured in the activity.';
COMMENT ON COLUMN activecampaign.contact_list_activity.list IS 'List ID involved in the activity.';
COMMENT ON COLUMN activecampaign.contact_list_activity.message IS 'Message content related to the list event.';
COMMENT ON COLUMN activecampaign.contact_list_activity.responder IS 'Responder ID if the action relates to an autoresponder.';
COMMENT ON COLUMN activecampaign.contact_list_activity.sdate IS 'When the subscription event happened.';
COMMENT ON COLUMN activecampaign.contact_list_activity.seriesid IS 'Identifier for the list automation series.';
COMMENT ON COLUMN activecampaign.contact_list_activity.sourceid IS 'Source ID that generated the list event.';
COMMENT ON COLUMN activecampaign.contact_list_activity.status IS 'Status in the list: 0 unconfirmed, 1 subscribed, 2 unsubscribed, 3 bounced.';
COMMENT ON COLUMN activecampaign.contact_list_activity.sync IS 'Flag indicating if the activity came from a sync.';
COMMENT ON COLUMN activecampaign.contact_list_activity.udate IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.contact_list_activity.unsubreason IS 'Reason provided for unsubscribing.';
COMMENT ON COLUMN activecampaign.contact_list_activity.unsubscribe_automation IS 'Automation triggered on unsubscribe.';
COMMENT ON COLUMN activecampaign.contact_list_activity.updated_timestamp IS 'When the activity record was last updated.';
COMMENT ON COLUMN activecampaign.contact_list_activity._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_list_activity._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_notes (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  is_draft BIGINT,
  mdate TIMESTAMPTZ,
  note TEXT,
  relid BIGINT,
  reltype TEXT,
  userid BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_notes IS 'Notes registered for contacts in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contact_notes.id IS 'Note ID.';
COMMENT ON COLUMN activecampaign.contact_notes.cdate IS 'When the note was created.';
COMMENT ON COLUMN activecampaign.contact_notes.is_draft IS 'Whether the note is in draft status (1) or published (0).';
COMMENT ON COLUMN activecampaign.contact_notes.mdate IS 'When the note was last modified.';
COMMENT ON COLUMN activecampaign.contact_notes.note IS 'Text of the note.';
COMMENT ON COLUMN activecampaign.contact_notes.relid IS 'Contact ID linked to the note.';
COMMENT ON COLUMN activecampaign.contact_notes.reltype IS 'Type of entity related to the note.';
COMMENT ON COLUMN activecampaign.contact_notes.userid IS 'ID of the user who created the note.';
COMMENT ON COLUMN activecampaign.contact_notes._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_notes._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_tags (
  contact BIGINT,
  id BIGINT NOT NULL,
  tag_name TEXT,
  tag_description TEXT,
  tag_id BIGINT,
  tag_cdate TIMESTAMPTZ,
  tag_created_by TEXT,
  tag_created_timestamp TIMESTAMPTZ,
  tag_deleted BIGINT,
  tag_type TEXT,
  tag_updated_timestamp TIMESTAMPTZ,
  cdate TIMESTAMPTZ,
  created_by TEXT,
  created_timestamp TIMESTAMPTZ,
  updated_by TEXT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_tags IS 'Tags linked to contacts in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contact_tags.contact IS 'ID of the contact.';
COMMENT ON COLUMN activecampaign.contact_tags.id IS 'ID of the tag-to-contact association.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_name IS 'Name of the tag.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_description IS 'Description of the tag.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_id IS 'ID of the tag.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_cdate IS 'When the tag record was created.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_created_by IS 'User who created the tag.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_created_timestamp IS 'When the tag was created.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_deleted IS 'Whether the tag is marked as deleted (1) or active (0).';
COMMENT ON COLUMN activecampaign.contact_tags.tag_type IS 'Tag type, such as template or contact.';
COMMENT ON COLUMN activecampaign.contact_tags.tag_updated_timestamp IS 'When the tag record was last updated.';
COMMENT ON COLUMN activecampaign.contact_tags.cdate IS 'When the tag was added to the contact.';
COMMENT ON COLUMN activecampaign.contact_tags.created_by IS 'User who created the tag-to-contact association.';
COMMENT ON COLUMN activecampaign.contact_tags.created_timestamp IS 'When the tag association was created.';
COMMENT ON COLUMN activecampaign.contact_tags.updated_by IS 'User who last updated the tag association.';
COMMENT ON COLUMN activecampaign.contact_tags.updated_timestamp IS 'When the tag association was last updated.';
COMMENT ON COLUMN activecampaign.contact_tags._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_tags._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_tasks (
  id BIGINT NOT NULL,
  assigned_date TIMESTAMPTZ,
  assignee BIGINT,
  automation TEXT,
  cdate TIMESTAMPTZ,
  created_utc_timestamp TIMESTAMPTZ,
  donedate TIMESTAMPTZ,
  deal_tasktype BIGINT,
  done_automation TEXT,
  done_by BIGINT,
  done_utc_timestamp TIMESTAMPTZ,
  duedate TIMESTAMPTZ,
  duration DOUBLE PRECISION,
  edate TIMESTAMPTZ,
  note TEXT,
  outcome_id BIGINT,
  outcome_info TEXT,
  owner_type TEXT,
  relid BIGINT,
  status BIGINT,
  title TEXT,
  udate TIMESTAMPTZ,
  updated_utc_timestamp TIMESTAMPTZ,
  "user" BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_tasks IS 'Tasks linked to contacts in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.contact_tasks.id IS 'Task ID.';
COMMENT ON COLUMN activecampaign.contact_tasks.assigned_date IS 'When the task was assigned.';
COMMENT ON COLUMN activecampaign.contact_tasks.assignee IS 'The id of an user the task is assigned to';
COMMENT ON COLUMN activecampaign.contact_tasks.automation IS 'Automation associated to trigger on task completion (optional).';
COMMENT ON COLUMN activecampaign.contact_tasks.cdate IS 'When the task record was created.';
COMMENT ON COLUMN activecampaign.contact_tasks.created_utc_timestamp IS 'When the task record was created (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.contact_tasks.donedate IS 'When the task was completed.';
COMMENT ON COLUMN activecampaign.contact_tasks.deal_tasktype IS 'The type of the task based on the available Task Types in the account';
COMMENT ON COLUMN activecampaign.contact_tasks.done_automation IS 'Id of an automation that will be triggered when the task is completed.';
COMMENT ON COLUMN activecampaign.contact_tasks.done_by IS 'User who completed the task.';
COMMENT ON COLUMN activecampaign.contact_tasks.done_utc_timestamp IS 'When the task was completed (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.contact_tasks.duedate IS 'Due date of the task';
COMMENT ON COLUMN activecampaign.contact_tasks.duration IS 'Duration of the task.';
COMMENT ON COLUMN activecampaign.contact_tasks.edate IS 'Due date of the task.';
COMMENT ON COLUMN activecampaign.contact_tasks.note IS 'The content describing the task';
COMMENT ON COLUMN activecampaign.contact_tasks.outcome_id IS 'Outcome selected when completing the task.';
COMMENT ON COLUMN activecampaign.contact_tasks.outcome_info IS 'Extra information about the task outcome.';
COMMENT ON COLUMN activecampaign.contact_tasks.owner_type IS 'Title of the related object (contact).';
COMMENT ON COLUMN activecampaign.contact_tasks.relid IS 'Id of relational object';
COMMENT ON COLUMN activecampaign.contact_tasks.status IS 'Task status means complete or incomplete. 1 is complete and 0 is incomplete.';
COMMENT ON COLUMN activecampaign.contact_tasks.title IS 'The title of the task';
COMMENT ON COLUMN activecampaign.contact_tasks.udate IS 'When the task was last updated.';
COMMENT ON COLUMN activecampaign.contact_tasks.updated_utc_timestamp IS 'When the task was last updated (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.contact_tasks."user" IS 'User responsible for the task.';
COMMENT ON COLUMN activecampaign.contact_tasks._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_tasks._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deals (
  id BIGINT NOT NULL,
  "account" BIGINT,
  activitycount BIGINT,
  cdate TIMESTAMPTZ,
  contact BIGINT,
  currency TEXT,
  customer_account BIGINT,
  description TEXT,
  edate TIMESTAMPTZ,
  "group" BIGINT,
  "hash" TEXT,
  is_disabled BOOLEAN,
  mdate TIMESTAMPTZ,
  next_task BIGINT,
  nextdate TIMESTAMPTZ,
  nextdealid BIGINT,
  nexttaskid BIGINT,
  "organization" BIGINT,
  owner BIGINT,
  "percent" DOUBLE PRECISION,
  stage BIGINT,
  status BIGINT,
  title TEXT,
  value BIGINT,
  win_probability DOUBLE PRECISION,
  win_probability_mdate TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deals IS 'Deals managed in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.deals.id IS 'Deal ID.';
COMMENT ON COLUMN activecampaign.deals."account" IS 'Deals account id';
COMMENT ON COLUMN activecampaign.deals.activitycount IS 'Number of activities linked to the deal.';
COMMENT ON COLUMN activecampaign.deals.cdate IS 'When the deal was created.';
COMMENT ON COLUMN activecampaign.deals.contact IS 'Deal''s primary contact''s id.';
COMMENT ON COLUMN activecampaign.deals.currency IS 'Deal''s currency in 3-digit ISO format, lowercased.';
COMMENT ON COLUMN activecampaign.deals.customer_account IS 'Customer account ID related to the deal.';
COMMENT ON COLUMN activecampaign.deals.description IS 'Deal''s description';
COMMENT ON COLUMN activecampaign.deals.edate IS 'Expected close date of the deal.';
COMMENT ON COLUMN activecampaign.deals."group" IS 'Deal''s pipeline id.';
COMMENT ON COLUMN activecampaign.deals."hash" IS 'Unique hash identifier for the deal.';
COMMENT ON COLUMN activecampaign.deals.is_disabled IS 'Whether the deal is marked as disabled/archived.';
COMMENT ON COLUMN activecampaign.deals.mdate IS 'When the deal was last modified.';
COMMENT ON COLUMN activecampaign.deals.next_task IS 'Upcoming task ID associated to the deal.';
COMMENT ON COLUMN activecampaign.deals.nextdate IS 'Date of the next scheduled activity.';
COMMENT ON COLUMN activecampaign.deals.nextdealid IS 'ID of the next deal in sequence.';
COMMENT ON COLUMN activecampaign.deals.nexttaskid IS 'ID of the next task linked to the deal.';
COMMENT ON COLUMN activecampaign.deals."organization" IS 'Organization ID tied to the deal.';
COMMENT ON COLUMN activecampaign.deals.owner IS 'Deal''s owner id.';
COMMENT ON COLUMN activecampaign.deals."percent" IS 'Deal''s percentage.';
COMMENT ON COLUMN activecampaign.deals.stage IS 'Deal''s stage id.';
COMMENT ON COLUMN activecampaign.deals.status IS 'Deal''s status.';
COMMENT ON COLUMN activecampaign.deals.title IS 'Deal''s title.';
COMMENT ON COLUMN activecampaign.deals.value IS 'Deal''s value in cents';
COMMENT ON COLUMN activecampaign.deals.win_probability IS 'Current win probability percentage for the deal.';
COMMENT ON COLUMN activecampaign.deals.win_probability_mdate IS 'When win probability was last updated.';
COMMENT ON COLUMN activecampaign.deals._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deals._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_activities (
  id BIGINT NOT NULL,
  automation BIGINT,
  cdate TIMESTAMPTZ,
  d_id BIGINT,
  d_stageid BIGINT,
  data_action TEXT,
  data_id BIGINT,
  data_oldval TEXT,
  data_type TEXT,
  deleted BIGINT,
  is_addtask BIGINT,
  seriesid BIGINT,
  sortdate TIMESTAMPTZ,
  stage BIGINT,
  userid BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_activities IS 'Activity logs for deals in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.deal_activities.id IS 'Activity ID.';
COMMENT ON COLUMN activecampaign.deal_activities.automation IS 'Automation ID related to the activity.';
COMMENT ON COLUMN activecampaign.deal_activities.cdate IS 'When the activity occurred.';
COMMENT ON COLUMN activecampaign.deal_activities.d_id IS 'Deal id';
COMMENT ON COLUMN activecampaign.deal_activities.d_stageid IS 'Stage ID of the deal at the time of the activity.';
COMMENT ON COLUMN activecampaign.deal_activities.data_action IS 'Action type recorded in the activity.';
COMMENT ON COLUMN activecampaign.deal_activities.data_id IS 'Identifier of the entity affected by the action.';
COMMENT ON COLUMN activecampaign.deal_activities.data_oldval IS 'Previous value before the change.';
COMMENT ON COLUMN activecampaign.deal_activities.data_type IS 'Entity type involved in the activity (e.g., contact or deal).';
COMMENT ON COLUMN activecampaign.deal_activities.deleted IS 'Indicates if the activity marks a deletion (1) or not (0).';
COMMENT ON COLUMN activecampaign.deal_activities.is_addtask IS 'Whether the activity adds a task (1) or not (0).';
COMMENT ON COLUMN activecampaign.deal_activities.seriesid IS 'Series ID if the activity belongs to a sequence.';
COMMENT ON COLUMN activecampaign.deal_activities.sortdate IS 'Date used for sorting activities.';
COMMENT ON COLUMN activecampaign.deal_activities.stage IS 'Name or ID of the deal stage involved.';
COMMENT ON COLUMN activecampaign.deal_activities.userid IS 'User who performed the activity.';
COMMENT ON COLUMN activecampaign.deal_activities._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_activities._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_custom_field_data (
  id BIGINT NOT NULL,
  created_timestamp TIMESTAMPTZ,
  custom_field_currency_type TEXT,
  custom_field_currency_value DOUBLE PRECISION,
  custom_field_date_value TIMESTAMPTZ,
  custom_field_id BIGINT,
  custom_field_number_value DOUBLE PRECISION,
  custom_field_text_blob TEXT,
  custom_field_text_value TEXT,
  deal_custom_field_metum BIGINT,
  deal_id BIGINT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_custom_field_data IS 'Deal custom field values in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.id IS 'Custom field value ID.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.created_timestamp IS 'When the custom field value was created.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_currency_type IS 'Currency code used in the field value.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_currency_value IS 'Monetary amount stored for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_date_value IS 'Date value stored for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_id IS 'ID of the custom field metadata.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_number_value IS 'Numeric value stored for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_text_blob IS 'Long text content stored for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.custom_field_text_value IS 'Text value stored for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.deal_custom_field_metum IS 'Alias name of the custom field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.deal_id IS 'ID of the deal the value belongs to.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data.updated_timestamp IS 'When the custom field value was last updated.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_custom_field_data._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_custom_field_meta (
  id BIGINT NOT NULL,
  created_by BIGINT,
  created_timestamp TIMESTAMPTZ,
  display_order BIGINT,
  field_default TEXT,
  field_default_currency TEXT,
  field_label TEXT,
  field_options TEXT,
  field_type TEXT,
  hide_field_flag BIGINT,
  is_form_visible BIGINT,
  is_required BIGINT,
  known_field_id BIGINT,
  personalization TEXT,
  updated_by BIGINT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_custom_field_meta IS 'Deal custom field metadata in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.id IS 'Custom field ID.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.created_by IS 'User who created the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.created_timestamp IS 'When the field was created.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.display_order IS 'Order for displaying the field on Manage Fields page and deal profiles';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.field_default IS 'Default value of the field';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.field_default_currency IS 'The 3-letter currency code of the default currency for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.field_label IS 'Name of the field';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.field_options IS 'Options for the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.field_type IS 'Type of field. Possible values are: text, textarea, date, datetime, dropdown, multiselect, radio, checkbox, hidden, currency, or number.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.hide_field_flag IS 'Whether the field is hidden (1) or visible (0).';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.is_form_visible IS 'Whether or not the field is visible on forms';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.is_required IS 'Whether the field is required (1) or optional (0).';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.known_field_id IS 'Identifier when the field maps to a predefined field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.personalization IS 'Personalization tag for using the field in messages.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.updated_by IS 'User who last updated the field.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta.updated_timestamp IS 'When the field was last updated.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_custom_field_meta._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_secondary_contacts (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  contact BIGINT,
  created_timestamp TIMESTAMPTZ,
  deal BIGINT,
  role TEXT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_secondary_contacts IS 'Secondary contacts linked to deals in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.id IS 'Association ID between deal and secondary contact.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.cdate IS 'When the secondary contact was added.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.contact IS 'Contact''s id';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.created_timestamp IS 'When the record was created.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.deal IS 'Deal''s id';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.role IS 'Role of the contact on the deal.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts.updated_timestamp IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_secondary_contacts._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_tasks (
  id BIGINT NOT NULL,
  assigned_date TIMESTAMPTZ,
  assignee BIGINT,
  automation TEXT,
  cdate TIMESTAMPTZ,
  created_utc_timestamp TIMESTAMPTZ,
  donedate TIMESTAMPTZ,
  deal_tasktype BIGINT,
  done_automation TEXT,
  done_by BIGINT,
  done_utc_timestamp TIMESTAMPTZ,
  duedate TIMESTAMPTZ,
  duration DOUBLE PRECISION,
  edate TIMESTAMPTZ,
  note TEXT,
  outcome_id BIGINT,
  outcome_info TEXT,
  owner_type TEXT,
  relid BIGINT,
  status BIGINT,
  title TEXT,
  udate TIMESTAMPTZ,
  updated_utc_timestamp TIMESTAMPTZ,
  "user" BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_tasks IS 'Tasks linked to deals in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.deal_tasks.id IS 'Task ID.';
COMMENT ON COLUMN activecampaign.deal_tasks.assigned_date IS 'When the task was assigned.';
COMMENT ON COLUMN activecampaign.deal_tasks.assignee IS 'The id of an user the task is assigned to';
COMMENT ON COLUMN activecampaign.deal_tasks.automation IS 'Automation identifier associated to the task.';
COMMENT ON COLUMN activecampaign.deal_tasks.cdate IS 'When the task was created.';
COMMENT ON COLUMN activecampaign.deal_tasks.created_utc_timestamp IS 'When the task was created (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.deal_tasks.donedate IS 'When the task was completed.';
COMMENT ON COLUMN activecampaign.deal_tasks.deal_tasktype IS 'The type of the task based on the available Task Types in the account';
COMMENT ON COLUMN activecampaign.deal_tasks.done_automation IS 'Id of an automation that will be triggered when the task is completed.';
COMMENT ON COLUMN activecampaign.deal_tasks.done_by IS 'User who completed the task.';
COMMENT ON COLUMN activecampaign.deal_tasks.done_utc_timestamp IS 'When the task was completed (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.deal_tasks.duedate IS 'Due date of the task';
COMMENT ON COLUMN activecampaign.deal_tasks.duration IS 'Duration of the task.';
COMMENT ON COLUMN activecampaign.deal_tasks.edate IS 'Due date of the task.';
COMMENT ON COLUMN activecampaign.deal_tasks.note IS 'The content describing the task';
COMMENT ON COLUMN activecampaign.deal_tasks.outcome_id IS 'Outcome selected when completing the task.';
COMMENT ON COLUMN activecampaign.deal_tasks.outcome_info IS 'Extra information about the task outcome.';
COMMENT ON COLUMN activecampaign.deal_tasks.owner_type IS 'Title of the related object (deal).';
COMMENT ON COLUMN activecampaign.deal_tasks.relid IS 'Id of relational object';
COMMENT ON COLUMN activecampaign.deal_tasks.status IS 'Task status means complete or incomplete. 1 is complete and 0 is incomplete.';
COMMENT ON COLUMN activecampaign.deal_tasks.title IS 'The title of the task';
COMMENT ON COLUMN activecampaign.deal_tasks.udate IS 'When the task was last updated.';
COMMENT ON COLUMN activecampaign.deal_tasks.updated_utc_timestamp IS 'When the task was last updated (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.deal_tasks."user" IS 'User responsible for the task.';
COMMENT ON COLUMN activecampaign.deal_tasks._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_tasks._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.lists (
  id BIGINT NOT NULL,
  analytics_domains TEXT,
  analytics_source TEXT,
  analytics_ua TEXT,
  carboncopy TEXT,
  cdate TIMESTAMPTZ,
  created_timestamp TIMESTAMPTZ,
  deletestamp TEXT,
  facebook_session TEXT,
  fulladdress TEXT,
  get_unsubscribe_reason BIGINT,
  name TEXT,
  optinmessageid BIGINT,
  optinoptout BIGINT,
  optoutconf BIGINT,
  p_embed_image BIGINT,
  p_use_analytics_link BIGINT,
  p_use_analytics_read BIGINT,
  p_use_captcha BIGINT,
  p_use_facebook BIGINT,
  p_use_tracking BIGINT,
  p_use_twitter BIGINT,
  private BIGINT,
  require_name BIGINT,
  send_last_broadcast BIGINT,
  sender_addr1 TEXT,
  sender_addr2 TEXT,
  sender_city TEXT,
  sender_country TEXT,
  sender_name TEXT,
  sender_phone TEXT,
  sender_reminder TEXT,
  sender_state TEXT,
  sender_url TEXT,
  sender_zip TEXT,
  stringid TEXT,
  subscription_notify TEXT,
  to_name TEXT,
  udate TEXT,
  unsubscription_notify TEXT,
  updated_timestamp TIMESTAMPTZ,
  "user" BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.lists IS 'Lists configured in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.lists.id IS 'List ID.';
COMMENT ON COLUMN activecampaign.lists.analytics_domains IS 'Analytics domains configured for the list.';
COMMENT ON COLUMN activecampaign.lists.analytics_source IS 'Analytics source identifier for the list.';
COMMENT ON COLUMN activecampaign.lists.analytics_ua IS 'Analytics user agent or tracking ID.';
COMMENT ON COLUMN activecampaign.lists.carboncopy IS 'Comma-separated list of email addresses to send a copy of all mailings to upon send';
COMMENT ON COLUMN activecampaign.lists.cdate IS 'When the list was created.';
COMMENT ON COLUMN activecampaign.lists.created_timestamp IS 'When the list record was created.';
COMMENT ON COLUMN activecampaign.lists.deletestamp IS 'Raw deletion marker for the list.';
COMMENT ON COLUMN activecampaign.lists.facebook_session IS 'Stored Facebook session data for the list.';
COMMENT ON COLUMN activecampaign.lists.fulladdress IS 'Full sender address text.';
COMMENT ON COLUMN activecampaign.lists.get_unsubscribe_reason IS 'Flag to collect unsubscribe reasons.';
COMMENT ON COLUMN activecampaign.lists.name IS 'Name of the list to create';
COMMENT ON COLUMN activecampaign.lists.optinmessageid IS 'Confirmation message ID used for opt-in.';
COMMENT ON COLUMN activecampaign.lists.optinoptout IS 'Opt-in or opt-out mode indicator.';
COMMENT ON COLUMN activecampaign.lists.optoutconf IS 'Flag to confirm opt-out actions.';
COMMENT ON COLUMN activecampaign.lists.p_embed_image IS 'Embed images in emails flag.';
COMMENT ON COLUMN activecampaign.lists.p_use_analytics_link IS 'Enable analytics tracking on links.';
COMMENT ON COLUMN activecampaign.lists.p_use_analytics_read IS 'Enable analytics for email opens.';
COMMENT ON COLUMN activecampaign.lists.p_use_captcha IS 'Flag to require captcha on forms.';
COMMENT ON COLUMN activecampaign.lists.p_use_facebook IS 'Enable Facebook integration for the list.';
COMMENT ON COLUMN activecampaign.lists.p_use_tracking IS 'General tracking flag for the list.';
COMMENT ON COLUMN activecampaign.lists.p_use_twitter IS 'Enable Twitter integration for the list.';
COMMENT ON COLUMN activecampaign.lists.private IS 'Flag indicating if the list is private.';
COMMENT ON COLUMN activecampaign.lists.require_name IS 'Flag requiring subscriber name on forms.';
COMMENT ON COLUMN activecampaign.lists.send_last_broadcast IS 'Value indicating whether or not to send the last sent campaign to this list to a new subscriber upon subscribing. 1 = yes, 0 = no';
COMMENT ON COLUMN activecampaign.lists.sender_addr1 IS 'Sender address line 1.';
COMMENT ON COLUMN activecampaign.lists.sender_addr2 IS 'Sender address line 2.';
COMMENT ON COLUMN activecampaign.lists.sender_city IS 'Sender city.';
COMMENT ON COLUMN activecampaign.lists.sender_country IS 'Sender country.';
COMMENT ON COLUMN activecampaign.lists.sender_name IS 'Sender name displayed in emails.';
COMMENT ON COLUMN activecampaign.lists.sender_phone IS 'Sender phone number.';
COMMENT ON COLUMN activecampaign.lists.sender_reminder IS 'A reminder for your contacts as to why they are on this list and you are messaging them.';
COMMENT ON COLUMN activecampaign.lists.sender_state IS 'State or region of the sender.';
COMMENT ON COLUMN activecampaign.lists.sender_url IS 'The website URL this list is for.';
COMMENT ON COLUMN activecampaign.lists.sender_zip IS 'Sender ZIP or postal code.';
COMMENT ON COLUMN activecampaign.lists.stringid IS 'URL-safe list name. Example: ''list-name-sample''';
COMMENT ON COLUMN activecampaign.lists.subscription_notify IS 'Comma-separated list of email addresses to notify when a new subscriber joins this list.';
COMMENT ON COLUMN activecampaign.lists.to_name IS 'Value used to personalize the recipient name.';
COMMENT ON COLUMN activecampaign.lists.udate IS 'Raw update marker for the list.';
COMMENT ON COLUMN activecampaign.lists.unsubscription_notify IS 'Comma-separated list of email addresses to notify when a subscriber unsubscribes from this list.';
COMMENT ON COLUMN activecampaign.lists.updated_timestamp IS 'When the list record was last updated.';
COMMENT ON COLUMN activecampaign.lists."user" IS 'User Id of the list owner.';
COMMENT ON COLUMN activecampaign.lists._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.lists._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.list_contacts (
  id BIGINT NOT NULL,
  automation TEXT,
  autosync_log TEXT,
  campaign TEXT,
  contact BIGINT,
  created_timestamp TIMESTAMPTZ,
  first_name TEXT,
  form TEXT,
  ip4_sub TEXT,
  ip4_unsub TEXT,
  ip4_last TEXT,
  last_name TEXT,
  list BIGINT,
  message TEXT,
  responder BIGINT,
  sdate TIMESTAMPTZ,
  seriesid BIGINT,
  status BIGINT,
  sync BIGINT,
  udate TIMESTAMPTZ,
  unsubreason TEXT,
  unsubscribe_automation TEXT,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.list_contacts IS 'Associations between contacts and lists in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.list_contacts.id IS 'Contact ID.';
COMMENT ON COLUMN activecampaign.list_contacts.automation IS 'Automation ID linked to the list action.';
COMMENT ON COLUMN activecampaign.list_contacts.autosync_log IS 'Metadata from automatic sync related to the list activity.';
COMMENT ON COLUMN activecampaign.list_contacts.campaign IS 'Campaign ID tied to the list action.';
COMMENT ON COLUMN activecampaign.list_contacts.contact IS 'Contact ID linked to the list record.';
COMMENT ON COLUMN activecampaign.list_contacts.created_timestamp IS 'When the list activity was created.';
COMMENT ON COLUMN activecampaign.list_contacts.first_name IS 'First name captured in the activity.';
COMMENT ON COLUMN activecampaign.list_contacts.form IS 'Form ID used in the list action.';
COMMENT ON COLUMN activecampaign.list_contacts.ip4_sub IS 'IPv4 address used when subscribing.';
COMMENT ON COLUMN activecampaign.list_contacts.ip4_unsub IS 'IPv4 address used when unsubscribing.';
COMMENT ON COLUMN activecampaign.list_contacts.ip4_last IS 'Last IPv4 address recorded for the list activity.';
COMMENT ON COLUMN activecampaign.list_contacts.last_name IS 'Last name captured in the activity.';
COMMENT ON COLUMN activecampaign.list_contacts.list IS 'List ID related to the contact action.';
COMMENT ON COLUMN activecampaign.list_contacts.message IS 'Message text tied to the list activity.';
COMMENT ON COLUMN activecampaign.list_contacts.responder IS 'Flag indicating the action came from an auto-responder.';
COMMENT ON COLUMN activecampaign.list_contacts.sdate IS 'Date recorded for the list action.';
COMMENT ON COLUMN activecampaign.list_contacts.seriesid IS 'Identifier for the list automation series.';
COMMENT ON COLUMN activecampaign.list_contacts.status IS 'Status in the list: 0 unconfirmed, 1 subscribed, 2 unsubscribed, 3 bounced.';
COMMENT ON COLUMN activecampaign.list_contacts.sync IS 'Flag indicating if the activity came from a sync.';
COMMENT ON COLUMN activecampaign.list_contacts.udate IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.list_contacts.unsubreason IS 'Reason provided for unsubscribing.';
COMMENT ON COLUMN activecampaign.list_contacts.unsubscribe_automation IS 'Automation triggered on unsubscribe.';
COMMENT ON COLUMN activecampaign.list_contacts.updated_timestamp IS 'When the activity record was last updated.';
COMMENT ON COLUMN activecampaign.list_contacts._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.list_contacts._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.pipelines (
  id BIGINT NOT NULL,
  allgroups BIGINT,
  allusers BIGINT,
  autoassign BIGINT,
  cdate TIMESTAMPTZ,
  currency TEXT,
  source TEXT,
  stages TEXT,
  title TEXT,
  udate TIMESTAMPTZ,
  win_probability_initialize_date TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.pipelines IS 'Deal pipelines configured in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.pipelines.id IS 'Pipeline ID.';
COMMENT ON COLUMN activecampaign.pipelines.allgroups IS 'Flag for visibility to all groups (1 true, 0 false).';
COMMENT ON COLUMN activecampaign.pipelines.allusers IS 'Flag for visibility to all users (1 true, 0 false).';
COMMENT ON COLUMN activecampaign.pipelines.autoassign IS 'Auto-assign setting for deals in this pipeline.';
COMMENT ON COLUMN activecampaign.pipelines.cdate IS 'When the pipeline was created.';
COMMENT ON COLUMN activecampaign.pipelines.currency IS 'Currency code used in the pipeline.';
COMMENT ON COLUMN activecampaign.pipelines.source IS 'Field shown in card region 4.';
COMMENT ON COLUMN activecampaign.pipelines.stages IS 'Field shown in card region 5.';
COMMENT ON COLUMN activecampaign.pipelines.title IS 'Title of the pipeline.';
COMMENT ON COLUMN activecampaign.pipelines.udate IS 'When the pipeline was last updated.';
COMMENT ON COLUMN activecampaign.pipelines.win_probability_initialize_date IS 'When win probability calculations were initialized for the pipeline.';
COMMENT ON COLUMN activecampaign.pipelines._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.pipelines._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_stages (
  "group" BIGINT,
  id BIGINT NOT NULL,
  card_region1 TEXT,
  card_region2 TEXT,
  card_region3 TEXT,
  card_region4 TEXT,
  card_region5 TEXT,
  cdate TIMESTAMPTZ,
  color TEXT,
  deal_order TEXT,
  "order" BIGINT,
  title TEXT,
  udate TIMESTAMPTZ,
  width BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_stages IS 'Deal stages within each pipeline.';
COMMENT ON COLUMN activecampaign.deal_stages."group" IS 'Pipeline ID.';
COMMENT ON COLUMN activecampaign.deal_stages.id IS 'Stage id';
COMMENT ON COLUMN activecampaign.deal_stages.card_region1 IS 'Field shown in card region 1.';
COMMENT ON COLUMN activecampaign.deal_stages.card_region2 IS 'Field shown in card region 2.';
COMMENT ON COLUMN activecampaign.deal_stages.card_region3 IS 'Field shown in card region 3.';
COMMENT ON COLUMN activecampaign.deal_stages.card_region4 IS 'Field shown in card region 4.';
COMMENT ON COLUMN activecampaign.deal_stages.card_region5 IS 'Field shown in card region 5.';
COMMENT ON COLUMN activecampaign.deal_stages.cdate IS 'When the stage was created.';
COMMENT ON COLUMN activecampaign.deal_stages.color IS 'Hex color used to display the stage.';
COMMENT ON COLUMN activecampaign.deal_stages.deal_order IS 'Default ordering of deals inside the stage.';
COMMENT ON COLUMN activecampaign.deal_stages."order" IS 'Position of the stage within the pipeline.';
COMMENT ON COLUMN activecampaign.deal_stages.title IS 'Title of the stage.';
COMMENT ON COLUMN activecampaign.deal_stages.udate IS 'When the stage was last updated.';
COMMENT ON COLUMN activecampaign.deal_stages.width IS 'Column width for the stage in the board view.';
COMMENT ON COLUMN activecampaign.deal_stages._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_stages._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.scores (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  descript TEXT,
  mdate TIMESTAMPTZ,
  name TEXT,
  reltype TEXT,
  status BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.scores IS 'Scoring configurations applied to contacts or deals in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.scores.id IS 'Score ID.';
COMMENT ON COLUMN activecampaign.scores.cdate IS 'When the score was created.';
COMMENT ON COLUMN activecampaign.scores.descript IS 'Description of the score.';
COMMENT ON COLUMN activecampaign.scores.mdate IS 'When the score was last modified.';
COMMENT ON COLUMN activecampaign.scores.name IS 'Score name';
COMMENT ON COLUMN activecampaign.scores.reltype IS 'Entity type the score applies to (contact or deal).';
COMMENT ON COLUMN activecampaign.scores.status IS 'Status of the score (1 active, 0 inactive).';
COMMENT ON COLUMN activecampaign.scores._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.scores._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.task_outcomes (
  id BIGINT NOT NULL,
  created_by BIGINT,
  created_utc_timestamp TIMESTAMPTZ,
  disabled BIGINT,
  sentiment TEXT,
  title TEXT,
  updated_by BIGINT,
  updated_utc_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.task_outcomes IS 'ActiveCampaign task outcomes with sentiment and audit details.';
COMMENT ON COLUMN activecampaign.task_outcomes.id IS 'Outcome id';
COMMENT ON COLUMN activecampaign.task_outcomes.created_by IS 'User who created the outcome.';
COMMENT ON COLUMN activecampaign.task_outcomes.created_utc_timestamp IS 'When the outcome was created (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.task_outcomes.disabled IS '1 for disabled outcome, 0 for active.';
COMMENT ON COLUMN activecampaign.task_outcomes.sentiment IS 'Outcome sentiment (POSITIVE, NEGATIVE or NEUTRAL).';
COMMENT ON COLUMN activecampaign.task_outcomes.title IS 'Outcome title.';
COMMENT ON COLUMN activecampaign.task_outcomes.updated_by IS 'User who last updated the outcome.';
COMMENT ON COLUMN activecampaign.task_outcomes.updated_utc_timestamp IS 'When the outcome was last updated (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.task_outcomes._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.task_outcomes._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.task_types (
  id BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  created_by BIGINT,
  created_utc_timestamp TIMESTAMPTZ,
  defduration DOUBLE PRECISION,
  display_order BIGINT,
  status BIGINT,
  title TEXT,
  udate TIMESTAMPTZ,
  updated_by BIGINT,
  updated_utc_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.task_types IS 'ActiveCampaign task types with metadata and audit info.';
COMMENT ON COLUMN activecampaign.task_types.id IS 'Task type id';
COMMENT ON COLUMN activecampaign.task_types.cdate IS 'Datetime when the task type was created.';
COMMENT ON COLUMN activecampaign.task_types.created_by IS 'ID of the user; ''0'' or None for predefined fields.';
COMMENT ON COLUMN activecampaign.task_types.created_utc_timestamp IS 'Creation datetime in UTC.';
COMMENT ON COLUMN activecampaign.task_types.defduration IS 'Default duration for the task type.';
COMMENT ON COLUMN activecampaign.task_types.display_order IS 'Order to display the task type.';
COMMENT ON COLUMN activecampaign.task_types.status IS 'Status indicator for the task type.';
COMMENT ON COLUMN activecampaign.task_types.title IS 'Task type title.';
COMMENT ON COLUMN activecampaign.task_types.udate IS 'Last update datetime of the task type.';
COMMENT ON COLUMN activecampaign.task_types.updated_by IS 'ID of the user who last updated the task type.';
COMMENT ON COLUMN activecampaign.task_types.updated_utc_timestamp IS 'Update datetime in UTC.';
COMMENT ON COLUMN activecampaign.task_types._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.task_types._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.task_type_outcomes (
  tasktype_id BIGINT NOT NULL,
  outcome_id BIGINT NOT NULL,
  display_order BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (tasktype_id, outcome_id)
);
COMMENT ON TABLE activecampaign.task_type_outcomes IS 'Outcomes available for each task type.';
COMMENT ON COLUMN activecampaign.task_type_outcomes.tasktype_id IS 'Task type id';
COMMENT ON COLUMN activecampaign.task_type_outcomes.outcome_id IS 'Task outcome id';
COMMENT ON COLUMN activecampaign.task_type_outcomes.display_order IS 'Display order for the outcome.';
COMMENT ON COLUMN activecampaign.task_type_outcomes._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.task_type_outcomes._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.user_groups (
  id BIGINT NOT NULL,
  descript TEXT,
  optinconfirm BIGINT,
  p_admin BIGINT,
  pg_account_add BIGINT,
  pg_account_delete BIGINT,
  pg_account_edit BIGINT,
  pg_account_export BIGINT,
  pg_account_import BIGINT,
  pg_account_manage_custom_field BIGINT,
  pg_account_note_add BIGINT,
  pg_account_note_delete BIGINT,
  pg_account_note_edit BIGINT,
  pg_automation_manage BIGINT,
  pg_contact_actions BIGINT,
  pg_contact_add BIGINT,
  pg_contact_approve BIGINT,
  pg_contact_delete BIGINT,
  pg_contact_edit BIGINT,
  pg_contact_export BIGINT,
  pg_contact_fields BIGINT,
  pg_contact_filters BIGINT,
  pg_contact_import BIGINT,
  pg_contact_merge BIGINT,
  pg_contact_resubscribe BIGINT,
  pg_contact_sync BIGINT,
  pg_deal BIGINT,
  pg_deal_delete BIGINT,
  pg_deal_export BIGINT,
  pg_deal_fields BIGINT,
  pg_deal_group_add BIGINT,
  pg_deal_group_delete BIGINT,
  pg_deal_group_edit BIGINT,
  pg_deal_import BIGINT,
  pg_deal_list_all BIGINT,
  pg_deal_manage_roles BIGINT,
  pg_deal_note_add BIGINT,
  pg_deal_note_delete BIGINT,
  pg_deal_note_edit BIGINT,
  pg_deal_reassign BIGINT,
  pg_form_edit BIGINT,
  pg_group_add BIGINT,
  pg_group_delete BIGINT,
  pg_group_edit BIGINT,
  pg_landing_pages_access BIGINT,
  pg_list_add BIGINT,
  pg_list_bounce BIGINT,
  pg_list_delete BIGINT,
  pg_list_edit BIGINT,
  pg_list_emailaccount BIGINT,
  pg_list_headers BIGINT,
  pg_message_add BIGINT,
  pg_message_delete BIGINT,
  pg_message_edit BIGINT,
  pg_message_send BIGINT,
  pg_mfa_admin BIGINT,
  pg_personalization_add BIGINT,
  pg_personalization_delete BIGINT,
  pg_personalization_edit BIGINT,
  pg_reports_campaign BIGINT,
  pg_reports_deal BIGINT,
  pg_reports_list BIGINT,
  pg_reports_trend BIGINT,
  pg_reports_user BIGINT,
  pg_saved_responses_manage BIGINT,
  pg_startup_gettingstarted BIGINT,
  pg_startup_reports BIGINT,
  pg_tag_manage BIGINT,
  pg_template_add BIGINT,
  pg_template_delete BIGINT,
  pg_template_edit BIGINT,
  pg_web_personalization_manage BIGINT,
  pg_user_add BIGINT,
  pg_user_delete BIGINT,
  pg_user_edit BIGINT,
  req_approval BIGINT,
  req_approval1st BIGINT,
  req_approval_notify TEXT,
  sdate TIMESTAMPTZ,
  socialdata BIGINT,
  title TEXT,
  unsubscribelink BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.user_groups IS 'User permission groups in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.user_groups.id IS 'Group ID.';
COMMENT ON COLUMN activecampaign.user_groups.descript IS 'Group description';
COMMENT ON COLUMN activecampaign.user_groups.optinconfirm IS 'Whether or not to force optin confirm for this group';
COMMENT ON COLUMN activecampaign.user_groups.p_admin IS 'Admin privileges flag for the group.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_add IS 'Permission to add accounts.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_delete IS 'Permission to delete accounts.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_edit IS 'Permission to edit accounts.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_export IS 'Permission to export accounts.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_import IS 'Permission to import accounts.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_manage_custom_field IS 'Permission to manage account custom fields.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_note_add IS 'Permission to add account notes.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_note_delete IS 'Permission to delete account notes.';
COMMENT ON COLUMN activecampaign.user_groups.pg_account_note_edit IS 'Permission to edit account notes.';
COMMENT ON COLUMN activecampaign.user_groups.pg_automation_manage IS 'Permission for manage automations';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_actions IS 'Permission for managing contact actions';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_add IS 'Permission for adding contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_approve IS 'Permission for approving contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_delete IS 'Permission for deleting contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_edit IS 'Permission for editing contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_export IS 'Permission for exporting contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_fields IS 'Permission for managing contact custom fields';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_filters IS 'Permission for managing contact list segments';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_import IS 'Permission for importing contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_merge IS 'Permission for merging contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_resubscribe IS 'Permission to resubscribe contacts.';
COMMENT ON COLUMN activecampaign.user_groups.pg_contact_sync IS 'Permission for syncing contacts';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal IS 'Permission for viewing deals';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_delete IS 'Permission for deleting deals';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_export IS 'Permission to export deals.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_fields IS 'Permission to manage deal fields.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_group_add IS 'Permission for adding deal groups';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_group_delete IS 'Permission for deleting deals groups';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_group_edit IS 'Permission for editing deal groups';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_import IS 'Permission to import deals.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_list_all IS 'Permission to list all deals.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_manage_roles IS 'Permission to manage deal roles.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_note_add IS 'Permission to add deal notes.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_note_delete IS 'Permission to delete deal notes.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_note_edit IS 'Permission to edit deal notes.';
COMMENT ON COLUMN activecampaign.user_groups.pg_deal_reassign IS 'Permission for reassigning deals';
COMMENT ON COLUMN activecampaign.user_groups.pg_form_edit IS 'Permission for editing subscription forms';
COMMENT ON COLUMN activecampaign.user_groups.pg_group_add IS 'Permission for adding groups';
COMMENT ON COLUMN activecampaign.user_groups.pg_group_delete IS 'Permission for deleting groups';
COMMENT ON COLUMN activecampaign.user_groups.pg_group_edit IS 'Permission for adding groups';
COMMENT ON COLUMN activecampaign.user_groups.pg_landing_pages_access IS 'Permission to access landing pages.';
COMMENT ON COLUMN activecampaign.user_groups.pg_list_add IS 'Permission for adding lists';
COMMENT ON COLUMN activecampaign.user_groups.pg_list_bounce IS 'Permission for accessing list bounce settings';
COMMENT ON COLUMN activecampaign.user_groups.pg_list_delete IS 'Permission for deleting lists';
COMMENT ON COLUMN activecampaign.user_groups.pg_list_edit IS 'Permission for editing lists';
COMMENT ON COLUMN activecampaign.user_groups.pg_list_emailaccount IS 'Permission for managing Unsubscribe By Email';
COMMENT ON COLUMN activecampaign.user_groups.pg_list_headers IS 'Permission for managing custom email headers';
COMMENT ON COLUMN activecampaign.user_groups.pg_message_add IS 'Permission for adding messages';
COMMENT ON COLUMN activecampaign.user_groups.pg_message_delete IS 'Permission for deleting messages';
COMMENT ON COLUMN activecampaign.user_groups.pg_message_edit IS 'Permission for editing messages';
COMMENT ON COLUMN activecampaign.user_groups.pg_message_send IS 'Permission for sending messages';
COMMENT ON COLUMN activecampaign.user_groups.pg_mfa_admin IS 'Permission to administer multi-factor settings.';
COMMENT ON COLUMN activecampaign.user_groups.pg_personalization_add IS 'Permission for adding personalization tags';
COMMENT ON COLUMN activecampaign.user_groups.pg_personalization_delete IS 'Permission for editing personalization tags';
COMMENT ON COLUMN activecampaign.user_groups.pg_reports_campaign IS 'Permission for viewing campaign reports';
COMMENT ON COLUMN activecampaign.user_groups.pg_reports_deal IS 'Permission to view deal reports.';
COMMENT ON COLUMN activecampaign.user_groups.pg_reports_list IS 'Permission for viewing list reports';
COMMENT ON COLUMN activecampaign.user_groups.pg_reports_trend IS 'Permission for viewing trend reports';
COMMENT ON COLUMN activecampaign.user_groups.pg_reports_user IS 'Permission for viewing user reports';
COMMENT ON COLUMN activecampaign.user_groups.pg_saved_responses_manage IS 'Permission for managing saved responses';
COMMENT ON COLUMN activecampaign.user_groups.pg_startup_gettingstarted IS 'Whether or not to show the (getting started) tutorial on overview page';
COMMENT ON COLUMN activecampaign.user_groups.pg_startup_reports IS 'Campaign ID of last campaign report viewed to decide whether to show link on startup';
COMMENT ON COLUMN activecampaign.user_groups.pg_tag_manage IS 'Permission for managing tags';
COMMENT ON COLUMN activecampaign.user_groups.pg_template_add IS 'Permission for adding templates';
COMMENT ON COLUMN activecampaign.user_groups.pg_template_delete IS 'Permission for deleting templates';
COMMENT ON COLUMN activecampaign.user_groups.pg_template_edit IS 'Permission for editing templates';
COMMENT ON COLUMN activecampaign.user_groups.pg_web_personalization_manage IS 'Permission to manage web personalization.';
COMMENT ON COLUMN activecampaign.user_groups.pg_user_add IS 'Permission for adding users';
COMMENT ON COLUMN activecampaign.user_groups.pg_user_delete IS 'Permission for deleting users';
COMMENT ON COLUMN activecampaign.user_groups.pg_user_edit IS 'Permission for editing users';
COMMENT ON COLUMN activecampaign.user_groups.req_approval IS 'Whether or not this group requires all campaigns to be approved';
COMMENT ON COLUMN activecampaign.user_groups.req_approval1st IS 'Whether or not this group requires first campaign to be approved';
COMMENT ON COLUMN activecampaign.user_groups.req_approval_notify IS 'Who to notify for approval related issues (email)';
COMMENT ON COLUMN activecampaign.user_groups.sdate IS 'When the group was created.';
COMMENT ON COLUMN activecampaign.user_groups.socialdata IS 'Whether or not to show social links in campaigns sent from this group';
COMMENT ON COLUMN activecampaign.user_groups.title IS 'Title of the group';
COMMENT ON COLUMN activecampaign.user_groups.unsubscribelink IS 'Whether or not to force unsubscribe links';
COMMENT ON COLUMN activecampaign.user_groups._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.user_groups._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.users (
  id BIGINT NOT NULL,
  username TEXT,
  cdate TIMESTAMPTZ,
  email TEXT,
  first_name TEXT,
  lang TEXT,
  last_name TEXT,
  local_zoneid TEXT,
  mfa_enabled BIGINT,
  password_updated_utc_timestamp TIMESTAMPTZ,
  phone TEXT,
  signature TEXT,
  udate TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.users IS 'Users configured in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.users.id IS 'User ID.';
COMMENT ON COLUMN activecampaign.users.username IS 'Username';
COMMENT ON COLUMN activecampaign.users.cdate IS 'When the user account was created.';
COMMENT ON COLUMN activecampaign.users.email IS 'Email address';
COMMENT ON COLUMN activecampaign.users.first_name IS 'First name';
COMMENT ON COLUMN activecampaign.users.lang IS 'Preferred language of the user.';
COMMENT ON COLUMN activecampaign.users.last_name IS 'Last name';
COMMENT ON COLUMN activecampaign.users.local_zoneid IS 'Local timezone of the user.';
COMMENT ON COLUMN activecampaign.users.mfa_enabled IS 'Flag indicating if MFA is enabled (1) or not (0).';
COMMENT ON COLUMN activecampaign.users.password_updated_utc_timestamp IS 'When the user password was last updated (the API sends account-local time despite the name).';
COMMENT ON COLUMN activecampaign.users.phone IS 'Phone number of the user.';
COMMENT ON COLUMN activecampaign.users.signature IS 'Email signature of the user.';
COMMENT ON COLUMN activecampaign.users.udate IS 'When the user record was last updated.';
COMMENT ON COLUMN activecampaign.users._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.users._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.user_group_memberships (
  userid BIGINT NOT NULL,
  cdate TIMESTAMPTZ,
  groupid BIGINT NOT NULL,
  udate TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (userid, groupid)
);
COMMENT ON TABLE activecampaign.user_group_memberships IS 'Groups associated to users.';
COMMENT ON COLUMN activecampaign.user_group_memberships.userid IS 'User ID replicated for the group membership.';
COMMENT ON COLUMN activecampaign.user_group_memberships.cdate IS 'When the user was added to the group.';
COMMENT ON COLUMN activecampaign.user_group_memberships.groupid IS 'Group id';
COMMENT ON COLUMN activecampaign.user_group_memberships.udate IS 'When the membership was last updated.';
COMMENT ON COLUMN activecampaign.user_group_memberships._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.user_group_memberships._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.tags (
  id BIGINT NOT NULL,
  "tag" TEXT,
  tag_type TEXT,
  description TEXT,
  cdate TIMESTAMPTZ,
  subscriber_count BIGINT,
  deleted BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.tags IS 'Every tag of the account, including tags no contact carries and template tags.';
COMMENT ON COLUMN activecampaign.tags.id IS 'Tag ID.';
COMMENT ON COLUMN activecampaign.tags."tag" IS 'Tag name.';
COMMENT ON COLUMN activecampaign.tags.tag_type IS 'Kind of tag: contact or template.';
COMMENT ON COLUMN activecampaign.tags.description IS 'Tag description (often empty).';
COMMENT ON COLUMN activecampaign.tags.cdate IS 'When the tag was created.';
COMMENT ON COLUMN activecampaign.tags.subscriber_count IS 'Number of contacts carrying the tag.';
COMMENT ON COLUMN activecampaign.tags.deleted IS '1 if the tag is marked deleted.';
COMMENT ON COLUMN activecampaign.tags.created_timestamp IS 'When the tag record was created.';
COMMENT ON COLUMN activecampaign.tags.updated_timestamp IS 'When the tag record was last updated.';
COMMENT ON COLUMN activecampaign.tags.created_by IS 'ID of the user who created the tag (null or 0 when unknown).';
COMMENT ON COLUMN activecampaign.tags.updated_by IS 'ID of the user who last updated the tag.';
COMMENT ON COLUMN activecampaign.tags._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.tags._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_links (
  id BIGINT NOT NULL,
  campaignid BIGINT,
  messageid BIGINT,
  link TEXT,
  name TEXT,
  ref TEXT,
  tracked BIGINT,
  linkclicks BIGINT,
  uniquelinkclicks BIGINT,
  campaign BIGINT,
  message BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.campaign_links IS 'Tracked links of campaign messages (the open tracker and every tracked click URL), with click counts.';
COMMENT ON COLUMN activecampaign.campaign_links.id IS 'Link ID.';
COMMENT ON COLUMN activecampaign.campaign_links.campaignid IS 'ID of the campaign the link belongs to.';
COMMENT ON COLUMN activecampaign.campaign_links.messageid IS 'ID of the message the link is in (0 = every message of the campaign).';
COMMENT ON COLUMN activecampaign.campaign_links.link IS 'The tracked URL, or ''open'' for the read tracker.';
COMMENT ON COLUMN activecampaign.campaign_links.name IS 'Link name, e.g. Read Tracker.';
COMMENT ON COLUMN activecampaign.campaign_links.ref IS 'Reference text of the link (often empty).';
COMMENT ON COLUMN activecampaign.campaign_links.tracked IS '1 if clicks on the link are tracked.';
COMMENT ON COLUMN activecampaign.campaign_links.linkclicks IS 'Number of clicks on the link.';
COMMENT ON COLUMN activecampaign.campaign_links.uniquelinkclicks IS 'Number of contacts who clicked the link.';
COMMENT ON COLUMN activecampaign.campaign_links.campaign IS 'Campaign relation (the same id as campaignid).';
COMMENT ON COLUMN activecampaign.campaign_links.message IS 'Message relation (null where messageid is 0).';
COMMENT ON COLUMN activecampaign.campaign_links.created_timestamp IS 'When the link was created.';
COMMENT ON COLUMN activecampaign.campaign_links.updated_timestamp IS 'When the link was last updated.';
COMMENT ON COLUMN activecampaign.campaign_links.created_by IS 'ID of the user who created the link.';
COMMENT ON COLUMN activecampaign.campaign_links.updated_by IS 'ID of the user who last updated the link.';
COMMENT ON COLUMN activecampaign.campaign_links._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.campaign_links._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.campaign_lists (
  id BIGINT NOT NULL,
  campaignid BIGINT,
  listid BIGINT,
  userid BIGINT,
  list_amt BIGINT,
  name TEXT,
  cdate TIMESTAMPTZ,
  udate TIMESTAMPTZ,
  campaign BIGINT,
  list BIGINT,
  "user" BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.campaign_lists IS 'The lists each campaign was sent to, one row per campaign and list.';
COMMENT ON COLUMN activecampaign.campaign_lists.id IS 'Campaign-list relation ID.';
COMMENT ON COLUMN activecampaign.campaign_lists.campaignid IS 'ID of the campaign.';
COMMENT ON COLUMN activecampaign.campaign_lists.listid IS 'ID of the list the campaign was sent to.';
COMMENT ON COLUMN activecampaign.campaign_lists.userid IS 'ID of the user who set up the campaign.';
COMMENT ON COLUMN activecampaign.campaign_lists.list_amt IS 'Number of the list''s contacts the campaign was sent to.';
COMMENT ON COLUMN activecampaign.campaign_lists.name IS 'Name of the list when the campaign was sent.';
COMMENT ON COLUMN activecampaign.campaign_lists.cdate IS 'When the relation was created.';
COMMENT ON COLUMN activecampaign.campaign_lists.udate IS 'When the relation was last updated.';
COMMENT ON COLUMN activecampaign.campaign_lists.campaign IS 'Campaign relation (the same id as campaignid).';
COMMENT ON COLUMN activecampaign.campaign_lists.list IS 'List relation (the same id as listid).';
COMMENT ON COLUMN activecampaign.campaign_lists."user" IS 'User relation (the same id as userid).';
COMMENT ON COLUMN activecampaign.campaign_lists.created_timestamp IS 'When the relation record was created.';
COMMENT ON COLUMN activecampaign.campaign_lists.updated_timestamp IS 'When the relation record was last updated.';
COMMENT ON COLUMN activecampaign.campaign_lists.created_by IS 'ID of the user who created the relation.';
COMMENT ON COLUMN activecampaign.campaign_lists.updated_by IS 'ID of the user who last updated the relation.';
COMMENT ON COLUMN activecampaign.campaign_lists._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.campaign_lists._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.field_rels (
  id BIGINT NOT NULL,
  field BIGINT,
  relid BIGINT,
  dorder BIGINT,
  cdate TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.field_rels IS 'Which lists each contact custom field belongs to (relid 0 = every list).';
COMMENT ON COLUMN activecampaign.field_rels.id IS 'Field-list relation ID.';
COMMENT ON COLUMN activecampaign.field_rels.field IS 'ID of the custom field.';
COMMENT ON COLUMN activecampaign.field_rels.relid IS 'ID of the list the field belongs to (0 = every list).';
COMMENT ON COLUMN activecampaign.field_rels.dorder IS 'Display order of the field on the list.';
COMMENT ON COLUMN activecampaign.field_rels.cdate IS 'When the relation was created.';
COMMENT ON COLUMN activecampaign.field_rels._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.field_rels._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_group_users (
  id BIGINT NOT NULL,
  deal_group BIGINT,
  "user" BIGINT,
  cdate TIMESTAMPTZ,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_group_users IS 'The users who may work with each deal pipeline.';
COMMENT ON COLUMN activecampaign.deal_group_users.id IS 'Pipeline-user relation ID.';
COMMENT ON COLUMN activecampaign.deal_group_users.deal_group IS 'ID of the pipeline.';
COMMENT ON COLUMN activecampaign.deal_group_users."user" IS 'ID of the user.';
COMMENT ON COLUMN activecampaign.deal_group_users.cdate IS 'When the user was given the pipeline.';
COMMENT ON COLUMN activecampaign.deal_group_users.created_timestamp IS 'When the relation record was created.';
COMMENT ON COLUMN activecampaign.deal_group_users.updated_timestamp IS 'When the relation record was last updated.';
COMMENT ON COLUMN activecampaign.deal_group_users.created_by IS 'ID of the user who created the relation.';
COMMENT ON COLUMN activecampaign.deal_group_users.updated_by IS 'ID of the user who last updated the relation.';
COMMENT ON COLUMN activecampaign.deal_group_users._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_group_users._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.templates (
  id BIGINT NOT NULL,
  userid BIGINT,
  ed_instanceid BIGINT,
  ed_version BIGINT,
  name TEXT,
  subject TEXT,
  content TEXT,
  categoryid BIGINT,
  used BIGINT,
  waitpreview BIGINT,
  importnum BIGINT,
  mdate TIMESTAMPTZ,
  preview_content TEXT,
  modified BIGINT,
  hidden BIGINT,
  screenshot TEXT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.templates IS 'E-mail templates of the account, with their content.';
COMMENT ON COLUMN activecampaign.templates.id IS 'Template ID.';
COMMENT ON COLUMN activecampaign.templates.userid IS 'ID of the user owning the template.';
COMMENT ON COLUMN activecampaign.templates.ed_instanceid IS 'Editor instance ID.';
COMMENT ON COLUMN activecampaign.templates.ed_version IS 'Editor version.';
COMMENT ON COLUMN activecampaign.templates.name IS 'Template name.';
COMMENT ON COLUMN activecampaign.templates.subject IS 'Default subject line (null when unset).';
COMMENT ON COLUMN activecampaign.templates.content IS 'Template content (HTML).';
COMMENT ON COLUMN activecampaign.templates.categoryid IS 'ID of the template category.';
COMMENT ON COLUMN activecampaign.templates.used IS 'How many times the template was used.';
COMMENT ON COLUMN activecampaign.templates.waitpreview IS '1 while the preview is being made.';
COMMENT ON COLUMN activecampaign.templates.importnum IS 'Import number (0 unless imported).';
COMMENT ON COLUMN activecampaign.templates.mdate IS 'When the template was last modified.';
COMMENT ON COLUMN activecampaign.templates.preview_content IS 'Preview content (null when none).';
COMMENT ON COLUMN activecampaign.templates.modified IS '1 if the template was modified after creation.';
COMMENT ON COLUMN activecampaign.templates.hidden IS '1 if the template is hidden.';
COMMENT ON COLUMN activecampaign.templates.screenshot IS 'URL of the template''s screenshot.';
COMMENT ON COLUMN activecampaign.templates._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.templates._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.bounce_logs (
  id BIGINT NOT NULL,
  tstamp TIMESTAMPTZ,
  bounceid BIGINT,
  subscriberid BIGINT,
  campaignid BIGINT,
  messageid BIGINT,
  codeid BIGINT,
  email TEXT,
  error TEXT,
  source TEXT,
  bounce BIGINT,
  contact BIGINT,
  campaign BIGINT,
  message BIGINT,
  code BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.bounce_logs IS 'Every bounce of a campaign e-mail, with the bounce code and the returned message.';
COMMENT ON COLUMN activecampaign.bounce_logs.id IS 'Bounce log ID.';
COMMENT ON COLUMN activecampaign.bounce_logs.tstamp IS 'When the bounce happened.';
COMMENT ON COLUMN activecampaign.bounce_logs.bounceid IS 'ID of the bounce setting that handled it.';
COMMENT ON COLUMN activecampaign.bounce_logs.subscriberid IS 'ID of the contact.';
COMMENT ON COLUMN activecampaign.bounce_logs.campaignid IS 'ID of the campaign.';
COMMENT ON COLUMN activecampaign.bounce_logs.messageid IS 'ID of the message.';
COMMENT ON COLUMN activecampaign.bounce_logs.codeid IS 'ID of the bounce code.';
COMMENT ON COLUMN activecampaign.bounce_logs.email IS 'The address that bounced.';
COMMENT ON COLUMN activecampaign.bounce_logs.error IS 'Error text (often empty).';
COMMENT ON COLUMN activecampaign.bounce_logs.source IS 'The returned message''s headers and text.';
COMMENT ON COLUMN activecampaign.bounce_logs.bounce IS 'Bounce setting relation (the same id as bounceid).';
COMMENT ON COLUMN activecampaign.bounce_logs.contact IS 'Contact relation (the same id as subscriberid).';
COMMENT ON COLUMN activecampaign.bounce_logs.campaign IS 'Campaign relation (the same id as campaignid).';
COMMENT ON COLUMN activecampaign.bounce_logs.message IS 'Message relation (the same id as messageid).';
COMMENT ON COLUMN activecampaign.bounce_logs.code IS 'Bounce code relation (the same id as codeid).';
COMMENT ON COLUMN activecampaign.bounce_logs.created_timestamp IS 'When the bounce log was created.';
COMMENT ON COLUMN activecampaign.bounce_logs.updated_timestamp IS 'When the bounce log was last updated.';
COMMENT ON COLUMN activecampaign.bounce_logs.created_by IS 'ID of the user who created the log (null for bounces).';
COMMENT ON COLUMN activecampaign.bounce_logs.updated_by IS 'ID of the user who last updated the log.';
COMMENT ON COLUMN activecampaign.bounce_logs._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.bounce_logs._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.goals (
  id BIGINT NOT NULL,
  seriesid BIGINT,
  blockid BIGINT,
  name TEXT,
  cdate TIMESTAMPTZ,
  dirty_stats BIGINT,
  automation BIGINT,
  automation_block BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.goals IS 'Automation goals (the goal steps of automations).';
COMMENT ON COLUMN activecampaign.goals.id IS 'Goal ID.';
COMMENT ON COLUMN activecampaign.goals.seriesid IS 'ID of the automation the goal is in.';
COMMENT ON COLUMN activecampaign.goals.blockid IS 'ID of the automation step (block) of the goal.';
COMMENT ON COLUMN activecampaign.goals.name IS 'Goal name.';
COMMENT ON COLUMN activecampaign.goals.cdate IS 'When the goal was created.';
COMMENT ON COLUMN activecampaign.goals.dirty_stats IS '1 while the goal''s statistics wait to be recounted.';
COMMENT ON COLUMN activecampaign.goals.automation IS 'Automation relation (the same id as seriesid).';
COMMENT ON COLUMN activecampaign.goals.automation_block IS 'Automation step relation (the same id as blockid).';
COMMENT ON COLUMN activecampaign.goals.created_timestamp IS 'When the goal record was created.';
COMMENT ON COLUMN activecampaign.goals.updated_timestamp IS 'When the goal record was last updated.';
COMMENT ON COLUMN activecampaign.goals.created_by IS 'ID of the user who created the goal.';
COMMENT ON COLUMN activecampaign.goals.updated_by IS 'ID of the user who last updated the goal.';
COMMENT ON COLUMN activecampaign.goals._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.goals._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.conversions (
  id BIGINT NOT NULL,
  name TEXT,
  value BIGINT,
  currency TEXT,
  "limit" BIGINT,
  enforcelimit BIGINT,
  cdate TIMESTAMPTZ,
  udate TIMESTAMPTZ,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.conversions IS 'Conversions (attribution goals such as a purchase), with their value and limit.';
COMMENT ON COLUMN activecampaign.conversions.id IS 'Conversion ID.';
COMMENT ON COLUMN activecampaign.conversions.name IS 'Conversion name.';
COMMENT ON COLUMN activecampaign.conversions.value IS 'Value of one conversion, in the currency''s whole units.';
COMMENT ON COLUMN activecampaign.conversions.currency IS 'Currency code of the value, e.g. usd.';
COMMENT ON COLUMN activecampaign.conversions."limit" IS 'How many times a contact may convert (0 = no limit).';
COMMENT ON COLUMN activecampaign.conversions.enforcelimit IS '1 if the limit is enforced.';
COMMENT ON COLUMN activecampaign.conversions.cdate IS 'When the conversion was created.';
COMMENT ON COLUMN activecampaign.conversions.udate IS 'When the conversion was last updated.';
COMMENT ON COLUMN activecampaign.conversions.created_timestamp IS 'When the conversion record was created.';
COMMENT ON COLUMN activecampaign.conversions.updated_timestamp IS 'When the conversion record was last updated.';
COMMENT ON COLUMN activecampaign.conversions.created_by IS 'ID of the user who created the conversion.';
COMMENT ON COLUMN activecampaign.conversions.updated_by IS 'ID of the user who last updated the conversion.';
COMMENT ON COLUMN activecampaign.conversions._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.conversions._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.conversion_triggers (
  id BIGINT NOT NULL,
  conversion BIGINT,
  trigger_type TEXT,
  modifier TEXT,
  value TEXT,
  dynamic BIGINT,
  retroactive BIGINT,
  automation_block BIGINT,
  cdate TIMESTAMPTZ,
  udate TIMESTAMPTZ,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.conversion_triggers IS 'What counts as a conversion (a page visit, an event, an automation step), per conversion.';
COMMENT ON COLUMN activecampaign.conversion_triggers.id IS 'Conversion trigger ID.';
COMMENT ON COLUMN activecampaign.conversion_triggers.conversion IS 'ID of the conversion the trigger counts for.';
COMMENT ON COLUMN activecampaign.conversion_triggers.trigger_type IS 'Kind of trigger, e.g. visit, event or automation.';
COMMENT ON COLUMN activecampaign.conversion_triggers.modifier IS 'How value is matched, e.g. is or contains.';
COMMENT ON COLUMN activecampaign.conversion_triggers.value IS 'What is matched: a URL, an event name, ...';
COMMENT ON COLUMN activecampaign.conversion_triggers.dynamic IS '1 if the conversion value comes from the trigger.';
COMMENT ON COLUMN activecampaign.conversion_triggers.retroactive IS '1 if earlier matching activity counts too.';
COMMENT ON COLUMN activecampaign.conversion_triggers.automation_block IS 'ID of the automation step of the trigger (0 = none).';
COMMENT ON COLUMN activecampaign.conversion_triggers.cdate IS 'When the trigger was created.';
COMMENT ON COLUMN activecampaign.conversion_triggers.udate IS 'When the trigger was last updated.';
COMMENT ON COLUMN activecampaign.conversion_triggers.created_timestamp IS 'When the trigger record was created.';
COMMENT ON COLUMN activecampaign.conversion_triggers.updated_timestamp IS 'When the trigger record was last updated.';
COMMENT ON COLUMN activecampaign.conversion_triggers.created_by IS 'ID of the user who created the trigger.';
COMMENT ON COLUMN activecampaign.conversion_triggers.updated_by IS 'ID of the user who last updated the trigger.';
COMMENT ON COLUMN activecampaign.conversion_triggers._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.conversion_triggers._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_emails (
  id BIGINT NOT NULL,
  subscriberid BIGINT,
  userid BIGINT,
  d_id BIGINT,
  messageid BIGINT,
  seriesid BIGINT,
  "account" BIGINT,
  messageheader TEXT,
  ip TEXT,
  sdate TIMESTAMPTZ,
  source TEXT,
  contact BIGINT,
  "user" BIGINT,
  deal BIGINT,
  message BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_emails IS 'One-to-one e-mails users sent to contacts (from a contact or deal), one row per e-mail.';
COMMENT ON COLUMN activecampaign.contact_emails.id IS 'Contact e-mail ID.';
COMMENT ON COLUMN activecampaign.contact_emails.subscriberid IS 'ID of the contact.';
COMMENT ON COLUMN activecampaign.contact_emails.userid IS 'ID of the user who sent it.';
COMMENT ON COLUMN activecampaign.contact_emails.d_id IS 'ID of the deal it was sent from (0 = none).';
COMMENT ON COLUMN activecampaign.contact_emails.messageid IS 'ID of the e-mail message.';
COMMENT ON COLUMN activecampaign.contact_emails.seriesid IS 'ID of the automation that sent it (0 = none).';
COMMENT ON COLUMN activecampaign.contact_emails."account" IS 'ID of the contact''s account (0 = none).';
COMMENT ON COLUMN activecampaign.contact_emails.messageheader IS 'Headers of the sent message.';
COMMENT ON COLUMN activecampaign.contact_emails.ip IS 'IP address it was sent from.';
COMMENT ON COLUMN activecampaign.contact_emails.sdate IS 'When it was sent.';
COMMENT ON COLUMN activecampaign.contact_emails.source IS 'Where it was sent from, e.g. deal or contact.';
COMMENT ON COLUMN activecampaign.contact_emails.contact IS 'Contact relation (the same id as subscriberid).';
COMMENT ON COLUMN activecampaign.contact_emails."user" IS 'User relation (the same id as userid).';
COMMENT ON COLUMN activecampaign.contact_emails.deal IS 'Deal relation (the same id as d_id; null when none).';
COMMENT ON COLUMN activecampaign.contact_emails.message IS 'Message relation (the same id as messageid).';
COMMENT ON COLUMN activecampaign.contact_emails.created_timestamp IS 'When the record was created.';
COMMENT ON COLUMN activecampaign.contact_emails.updated_timestamp IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.contact_emails.created_by IS 'ID of the user who created the record.';
COMMENT ON COLUMN activecampaign.contact_emails.updated_by IS 'ID of the user who last updated the record.';
COMMENT ON COLUMN activecampaign.contact_emails._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_emails._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_data (
  id BIGINT NOT NULL,
  contact BIGINT,
  tstamp TIMESTAMPTZ,
  geo_tstamp TIMESTAMPTZ,
  geo_ip4 TEXT,
  geo_country2 TEXT,
  geo_country TEXT,
  geo_state TEXT,
  geo_city TEXT,
  geo_zip TEXT,
  geo_area BIGINT,
  geo_lat DOUBLE PRECISION,
  geo_lon DOUBLE PRECISION,
  geo_tz TEXT,
  geo_tz_offset DOUBLE PRECISION,
  ga_campaign_source TEXT,
  ga_campaign_name TEXT,
  ga_campaign_medium TEXT,
  ga_campaign_term TEXT,
  ga_campaign_content TEXT,
  ga_campaign_customsegment TEXT,
  ga_first_visit TIMESTAMPTZ,
  ga_times_visited BIGINT,
  fb_id BIGINT,
  fb_name TEXT,
  tw_id BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_data IS 'Per contact, its geo-IP location, Google Analytics campaign and social ids.';
COMMENT ON COLUMN activecampaign.contact_data.id IS 'Contact data ID.';
COMMENT ON COLUMN activecampaign.contact_data.contact IS 'ID of the contact.';
COMMENT ON COLUMN activecampaign.contact_data.tstamp IS 'When the data was last recorded.';
COMMENT ON COLUMN activecampaign.contact_data.geo_tstamp IS 'When the location was looked up (null if never).';
COMMENT ON COLUMN activecampaign.contact_data.geo_ip4 IS 'IPv4 address the location comes from ("0" when none).';
COMMENT ON COLUMN activecampaign.contact_data.geo_country2 IS 'Two-letter country code.';
COMMENT ON COLUMN activecampaign.contact_data.geo_country IS 'Country name.';
COMMENT ON COLUMN activecampaign.contact_data.geo_state IS 'State or region.';
COMMENT ON COLUMN activecampaign.contact_data.geo_city IS 'City.';
COMMENT ON COLUMN activecampaign.contact_data.geo_zip IS 'Postal code.';
COMMENT ON COLUMN activecampaign.contact_data.geo_area IS 'Area code (0 when none).';
COMMENT ON COLUMN activecampaign.contact_data.geo_lat IS 'Latitude.';
COMMENT ON COLUMN activecampaign.contact_data.geo_lon IS 'Longitude.';
COMMENT ON COLUMN activecampaign.contact_data.geo_tz IS 'Time zone name.';
COMMENT ON COLUMN activecampaign.contact_data.geo_tz_offset IS 'Time zone offset in hours.';
COMMENT ON COLUMN activecampaign.contact_data.ga_campaign_source IS 'Google Analytics campaign source.';
COMMENT ON COLUMN activecampaign.contact_data.ga_campaign_name IS 'Google Analytics campaign name.';
COMMENT ON COLUMN activecampaign.contact_data.ga_campaign_medium IS 'Google Analytics campaign medium.';
COMMENT ON COLUMN activecampaign.contact_data.ga_campaign_term IS 'Google Analytics campaign term.';
COMMENT ON COLUMN activecampaign.contact_data.ga_campaign_content IS 'Google Analytics campaign content.';
COMMENT ON COLUMN activecampaign.contact_data.ga_campaign_customsegment IS 'Google Analytics custom segment.';
COMMENT ON COLUMN activecampaign.contact_data.ga_first_visit IS 'First visit Google Analytics saw (null if none).';
COMMENT ON COLUMN activecampaign.contact_data.ga_times_visited IS 'Visits Google Analytics counted.';
COMMENT ON COLUMN activecampaign.contact_data.fb_id IS 'Facebook id (0 when none).';
COMMENT ON COLUMN activecampaign.contact_data.fb_name IS 'Facebook name.';
COMMENT ON COLUMN activecampaign.contact_data.tw_id IS 'Twitter id (0 when none).';
COMMENT ON COLUMN activecampaign.contact_data.created_timestamp IS 'When the record was created.';
COMMENT ON COLUMN activecampaign.contact_data.updated_timestamp IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.contact_data.created_by IS 'ID of the user who created the record (0 when none).';
COMMENT ON COLUMN activecampaign.contact_data.updated_by IS 'ID of the user who last updated the record.';
COMMENT ON COLUMN activecampaign.contact_data._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_data._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.sms (
  id BIGINT NOT NULL,
  userid BIGINT,
  seriesid BIGINT,
  msg TEXT,
  tstamp TIMESTAMPTZ,
  tf_day TEXT,
  tf_hr_from BIGINT,
  tf_hr_to BIGINT,
  sent BIGINT,
  failed BIGINT,
  unsubscribes BIGINT,
  replies BIGINT,
  uniquereplies BIGINT,
  sdate TIMESTAMPTZ,
  ldate TIMESTAMPTZ,
  "user" BIGINT,
  automation BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.sms IS 'SMS messages that automations send, with their send window and counts.';
COMMENT ON COLUMN activecampaign.sms.id IS 'SMS message ID.';
COMMENT ON COLUMN activecampaign.sms.userid IS 'ID of the user owning the message.';
COMMENT ON COLUMN activecampaign.sms.seriesid IS 'ID of the automation sending it.';
COMMENT ON COLUMN activecampaign.sms.msg IS 'Message text.';
COMMENT ON COLUMN activecampaign.sms.tstamp IS 'When the message was last saved.';
COMMENT ON COLUMN activecampaign.sms.tf_day IS 'Days of the week it may be sent on.';
COMMENT ON COLUMN activecampaign.sms.tf_hr_from IS 'Hour from which it may be sent.';
COMMENT ON COLUMN activecampaign.sms.tf_hr_to IS 'Hour until which it may be sent.';
COMMENT ON COLUMN activecampaign.sms.sent IS 'Messages sent.';
COMMENT ON COLUMN activecampaign.sms.failed IS 'Messages that failed.';
COMMENT ON COLUMN activecampaign.sms.unsubscribes IS 'Unsubscribes it caused.';
COMMENT ON COLUMN activecampaign.sms.replies IS 'Replies received.';
COMMENT ON COLUMN activecampaign.sms.uniquereplies IS 'Contacts who replied.';
COMMENT ON COLUMN activecampaign.sms.sdate IS 'When it was first sent (null if never).';
COMMENT ON COLUMN activecampaign.sms.ldate IS 'When it was last sent (null if never).';
COMMENT ON COLUMN activecampaign.sms."user" IS 'User relation (the same id as userid).';
COMMENT ON COLUMN activecampaign.sms.automation IS 'Automation relation (the same id as seriesid).';
COMMENT ON COLUMN activecampaign.sms.created_timestamp IS 'When the record was created.';
COMMENT ON COLUMN activecampaign.sms.updated_timestamp IS 'When the record was last updated.';
COMMENT ON COLUMN activecampaign.sms.created_by IS 'ID of the user who created the record.';
COMMENT ON COLUMN activecampaign.sms.updated_by IS 'ID of the user who last updated the record.';
COMMENT ON COLUMN activecampaign.sms._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.sms._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.automations (
  id BIGINT NOT NULL,
  name TEXT,
  cdate TIMESTAMPTZ,
  mdate TIMESTAMPTZ,
  userid BIGINT,
  status BIGINT,
  entered BIGINT,
  exited BIGINT,
  hidden BIGINT,
  defaultscreenshot TEXT,
  screenshot TEXT,
  description TEXT,
  source BIGINT,
  multientry BIGINT,
  exit_on_unsubscribe BIGINT,
  exit_on_conversion BIGINT,
  entitlements_violation BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.automations IS 'Automations (workflows) of the account, with entry and exit counts.';
COMMENT ON COLUMN activecampaign.automations.id IS 'Automation ID (seriesid in campaigns and segments).';
COMMENT ON COLUMN activecampaign.automations.name IS 'Automation name.';
COMMENT ON COLUMN activecampaign.automations.cdate IS 'When the automation was created.';
COMMENT ON COLUMN activecampaign.automations.mdate IS 'When the automation was last modified.';
COMMENT ON COLUMN activecampaign.automations.userid IS 'ID of the user owning the automation.';
COMMENT ON COLUMN activecampaign.automations.status IS 'Status: 1 active, 2 inactive.';
COMMENT ON COLUMN activecampaign.automations.entered IS 'Number of contacts that entered the automation.';
COMMENT ON COLUMN activecampaign.automations.exited IS 'Number of contacts that exited the automation.';
COMMENT ON COLUMN activecampaign.automations.hidden IS '1 if the automation is hidden.';
COMMENT ON COLUMN activecampaign.automations.defaultscreenshot IS 'URL of the default screenshot.';
COMMENT ON COLUMN activecampaign.automations.screenshot IS 'URL of the screenshot.';
COMMENT ON COLUMN activecampaign.automations.description IS 'Description of the automation (null or empty when unset).';
COMMENT ON COLUMN activecampaign.automations.source IS 'Flag for how the automation was created.';
COMMENT ON COLUMN activecampaign.automations.multientry IS '1 if a contact may enter more than once.';
COMMENT ON COLUMN activecampaign.automations.exit_on_unsubscribe IS '1 if a contact leaves the automation when unsubscribing.';
COMMENT ON COLUMN activecampaign.automations.exit_on_conversion IS '1 if a contact leaves the automation on conversion.';
COMMENT ON COLUMN activecampaign.automations.entitlements_violation IS '1 if the automation exceeds the plan''s entitlements.';
COMMENT ON COLUMN activecampaign.automations._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.automations._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.forms (
  id BIGINT NOT NULL,
  name TEXT,
  action TEXT,
  actiondata JSONB,
  submit TEXT,
  submitdata JSONB,
  url TEXT,
  layout TEXT,
  title TEXT,
  body TEXT,
  button TEXT,
  thanks TEXT,
  style JSONB,
  options JSONB,
  cfields JSONB,
  parentformid BIGINT,
  userid BIGINT,
  addressid BIGINT,
  address BIGINT,
  cdate TIMESTAMPTZ,
  udate TIMESTAMPTZ,
  entries BIGINT,
  aid BIGINT,
  defaultscreenshot TEXT,
  recent JSONB,
  contacts BIGINT,
  deals BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.forms IS 'Subscription forms, with what submitting them does and how often they were submitted.';
COMMENT ON COLUMN activecampaign.forms.id IS 'Form ID.';
COMMENT ON COLUMN activecampaign.forms.name IS 'Form name.';
COMMENT ON COLUMN activecampaign.forms.action IS 'Form action (often empty).';
COMMENT ON COLUMN activecampaign.forms.actiondata IS 'What submitting does: actions such as subscribing to a list or adding a tag.';
COMMENT ON COLUMN activecampaign.forms.submit IS 'What happens after submitting, e.g. show-thank-you.';
COMMENT ON COLUMN activecampaign.forms.submitdata IS 'Settings of the after-submit step (a redirect URL).';
COMMENT ON COLUMN activecampaign.forms.url IS 'Redirect URL.';
COMMENT ON COLUMN activecampaign.forms.layout IS 'Layout, e.g. inline-form.';
COMMENT ON COLUMN activecampaign.forms.title IS 'Form title.';
COMMENT ON COLUMN activecampaign.forms.body IS 'Form body text.';
COMMENT ON COLUMN activecampaign.forms.button IS 'Submit button label.';
COMMENT ON COLUMN activecampaign.forms.thanks IS 'Thank-you message.';
COMMENT ON COLUMN activecampaign.forms.style IS 'Style settings (colours, border, width, button).';
COMMENT ON COLUMN activecampaign.forms.options IS 'Options (overwrite blanks, confirmation, opt-in).';
COMMENT ON COLUMN activecampaign.forms.cfields IS 'Field definitions of the form.';
COMMENT ON COLUMN activecampaign.forms.parentformid IS 'ID of the parent form (0 = none).';
COMMENT ON COLUMN activecampaign.forms.userid IS 'ID of the user owning the form.';
COMMENT ON COLUMN activecampaign.forms.addressid IS 'ID of the sender address (0 = none).';
COMMENT ON COLUMN activecampaign.forms.address IS 'Sender address relationship (null when none).';
COMMENT ON COLUMN activecampaign.forms.cdate IS 'When the form was created.';
COMMENT ON COLUMN activecampaign.forms.udate IS 'When the form was last updated.';
COMMENT ON COLUMN activecampaign.forms.entries IS 'Number of submissions.';
COMMENT ON COLUMN activecampaign.forms.aid IS 'Undocumented id (0 or null).';
COMMENT ON COLUMN activecampaign.forms.defaultscreenshot IS 'URL of the form''s screenshot.';
COMMENT ON COLUMN activecampaign.forms.recent IS 'Recent submissions (usually an empty array).';
COMMENT ON COLUMN activecampaign.forms.contacts IS 'Contacts count reported for the form.';
COMMENT ON COLUMN activecampaign.forms.deals IS 'Deals count reported for the form.';
COMMENT ON COLUMN activecampaign.forms._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.forms._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.segments (
  id BIGINT NOT NULL,
  name TEXT,
  logic TEXT,
  hidden BIGINT,
  seriesid BIGINT,
  segmentid_v2 TEXT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.segments IS 'Saved contact segments (the conditions themselves are not in this list).';
COMMENT ON COLUMN activecampaign.segments.id IS 'Segment ID.';
COMMENT ON COLUMN activecampaign.segments.name IS 'Segment name.';
COMMENT ON COLUMN activecampaign.segments.logic IS 'How conditions combine: and / or.';
COMMENT ON COLUMN activecampaign.segments.hidden IS '1 if hidden (segments automations create for themselves).';
COMMENT ON COLUMN activecampaign.segments.seriesid IS 'ID of the automation the segment belongs to (0 = none).';
COMMENT ON COLUMN activecampaign.segments.segmentid_v2 IS 'ID of the matching segments-v2 definition.';
COMMENT ON COLUMN activecampaign.segments.created_timestamp IS 'When the segment was created.';
COMMENT ON COLUMN activecampaign.segments.updated_timestamp IS 'When the segment was last updated.';
COMMENT ON COLUMN activecampaign.segments.created_by IS 'ID of the user who created the segment.';
COMMENT ON COLUMN activecampaign.segments.updated_by IS 'ID of the user who last updated the segment.';
COMMENT ON COLUMN activecampaign.segments._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.segments._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.messages (
  id BIGINT NOT NULL,
  userid BIGINT,
  "user" BIGINT,
  ed_instanceid BIGINT,
  ed_version BIGINT,
  cdate TIMESTAMPTZ,
  mdate TIMESTAMPTZ,
  name TEXT,
  fromname TEXT,
  fromemail TEXT,
  reply2 TEXT,
  priority BIGINT,
  charset TEXT,
  encoding TEXT,
  format TEXT,
  subject TEXT,
  preheader_text TEXT,
  text TEXT,
  html TEXT,
  htmlfetch TEXT,
  textfetch TEXT,
  hidden BIGINT,
  preview_mime TEXT,
  preview_data TEXT,
  has_predictive_content BIGINT,
  language_code TEXT,
  source TEXT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.messages IS 'Every e-mail message of the account (campaign, automation and opt-in messages), with bodies.';
COMMENT ON COLUMN activecampaign.messages.id IS 'Message ID.';
COMMENT ON COLUMN activecampaign.messages.userid IS 'ID of the user owning the message.';
COMMENT ON COLUMN activecampaign.messages."user" IS 'Owner of the message (the same user as userid).';
COMMENT ON COLUMN activecampaign.messages.ed_instanceid IS 'Editor instance ID.';
COMMENT ON COLUMN activecampaign.messages.ed_version IS 'Editor version.';
COMMENT ON COLUMN activecampaign.messages.cdate IS 'When the message was created.';
COMMENT ON COLUMN activecampaign.messages.mdate IS 'When the message was last modified.';
COMMENT ON COLUMN activecampaign.messages.name IS 'Internal name of the message.';
COMMENT ON COLUMN activecampaign.messages.fromname IS 'Sender name.';
COMMENT ON COLUMN activecampaign.messages.fromemail IS 'Sender address.';
COMMENT ON COLUMN activecampaign.messages.reply2 IS 'Reply-to address.';
COMMENT ON COLUMN activecampaign.messages.priority IS 'Priority (3 = normal).';
COMMENT ON COLUMN activecampaign.messages.charset IS 'Character set.';
COMMENT ON COLUMN activecampaign.messages.encoding IS 'Transfer encoding.';
COMMENT ON COLUMN activecampaign.messages.format IS 'Format: mime, html or text.';
COMMENT ON COLUMN activecampaign.messages.subject IS 'Subject line.';
COMMENT ON COLUMN activecampaign.messages.preheader_text IS 'Preheader text.';
COMMENT ON COLUMN activecampaign.messages.text IS 'Plain-text body.';
COMMENT ON COLUMN activecampaign.messages.html IS 'HTML body.';
COMMENT ON COLUMN activecampaign.messages.htmlfetch IS 'When or from where the HTML body is fetched.';
COMMENT ON COLUMN activecampaign.messages.textfetch IS 'When or from where the text body is fetched.';
COMMENT ON COLUMN activecampaign.messages.hidden IS '1 if the message is hidden.';
COMMENT ON COLUMN activecampaign.messages.preview_mime IS 'MIME type of the preview.';
COMMENT ON COLUMN activecampaign.messages.preview_data IS 'Preview data (null or empty).';
COMMENT ON COLUMN activecampaign.messages.has_predictive_content IS '1 if predictive content is enabled.';
COMMENT ON COLUMN activecampaign.messages.language_code IS 'Language code of the message.';
COMMENT ON COLUMN activecampaign.messages.source IS 'Where the message was made.';
COMMENT ON COLUMN activecampaign.messages._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.messages._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.addresses (
  id BIGINT NOT NULL,
  company_name TEXT,
  address1 TEXT,
  address2 TEXT,
  city TEXT,
  state TEXT,
  district TEXT,
  zip TEXT,
  country TEXT,
  allgroup BIGINT,
  is_default BIGINT,
  sms_name TEXT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  created_by BIGINT,
  updated_by BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.addresses IS 'Sender (postal) addresses that campaigns and forms print to comply with anti-spam law.';
COMMENT ON COLUMN activecampaign.addresses.id IS 'Address ID.';
COMMENT ON COLUMN activecampaign.addresses.company_name IS 'Company name.';
COMMENT ON COLUMN activecampaign.addresses.address1 IS 'Address line 1.';
COMMENT ON COLUMN activecampaign.addresses.address2 IS 'Address line 2.';
COMMENT ON COLUMN activecampaign.addresses.city IS 'City.';
COMMENT ON COLUMN activecampaign.addresses.state IS 'State or region.';
COMMENT ON COLUMN activecampaign.addresses.district IS 'District.';
COMMENT ON COLUMN activecampaign.addresses.zip IS 'Postal code.';
COMMENT ON COLUMN activecampaign.addresses.country IS 'Country code, e.g. US.';
COMMENT ON COLUMN activecampaign.addresses.allgroup IS '1 if every user group may use the address.';
COMMENT ON COLUMN activecampaign.addresses.is_default IS '1 if this is the default address.';
COMMENT ON COLUMN activecampaign.addresses.sms_name IS 'Sender name for SMS.';
COMMENT ON COLUMN activecampaign.addresses.created_timestamp IS 'When the address was created.';
COMMENT ON COLUMN activecampaign.addresses.updated_timestamp IS 'When the address was last updated.';
COMMENT ON COLUMN activecampaign.addresses.created_by IS 'ID of the user who created the address.';
COMMENT ON COLUMN activecampaign.addresses.updated_by IS 'ID of the user who last updated the address.';
COMMENT ON COLUMN activecampaign.addresses._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.addresses._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.brandings (
  id BIGINT NOT NULL,
  groupid BIGINT,
  site_name TEXT,
  site_logo TEXT,
  site_logo_small TEXT,
  header_text_value TEXT,
  header_html_value TEXT,
  footer_text_value TEXT,
  footer_html_value TEXT,
  copyright BIGINT,
  version BIGINT,
  license BIGINT,
  links_flag BIGINT,
  help BIGINT,
  admin_template_htm TEXT,
  admin_template_css TEXT,
  public_template_htm TEXT,
  public_template_css TEXT,
  favicon TEXT,
  admin_template_htm_backup TEXT,
  admin_template_css_backup TEXT,
  zendesk_widget_enabled BIGINT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.brandings IS 'Branding settings, one row per user group.';
COMMENT ON COLUMN activecampaign.brandings.id IS 'Branding ID.';
COMMENT ON COLUMN activecampaign.brandings.groupid IS 'ID of the user group the branding applies to.';
COMMENT ON COLUMN activecampaign.brandings.site_name IS 'Site name.';
COMMENT ON COLUMN activecampaign.brandings.site_logo IS 'Logo URL.';
COMMENT ON COLUMN activecampaign.brandings.site_logo_small IS 'Small logo URL.';
COMMENT ON COLUMN activecampaign.brandings.header_text_value IS 'Custom text header.';
COMMENT ON COLUMN activecampaign.brandings.header_html_value IS 'Custom HTML header.';
COMMENT ON COLUMN activecampaign.brandings.footer_text_value IS 'Custom text footer.';
COMMENT ON COLUMN activecampaign.brandings.footer_html_value IS 'Custom HTML footer.';
COMMENT ON COLUMN activecampaign.brandings.copyright IS '1 to show the copyright.';
COMMENT ON COLUMN activecampaign.brandings.version IS '1 to show the version.';
COMMENT ON COLUMN activecampaign.brandings.license IS '1 to show the license.';
COMMENT ON COLUMN activecampaign.brandings.links_flag IS '1 to show links.';
COMMENT ON COLUMN activecampaign.brandings.help IS '1 to show help.';
COMMENT ON COLUMN activecampaign.brandings.admin_template_htm IS 'Admin template HTML.';
COMMENT ON COLUMN activecampaign.brandings.admin_template_css IS 'Admin template CSS.';
COMMENT ON COLUMN activecampaign.brandings.public_template_htm IS 'Public template HTML.';
COMMENT ON COLUMN activecampaign.brandings.public_template_css IS 'Public template CSS.';
COMMENT ON COLUMN activecampaign.brandings.favicon IS 'Favicon URL.';
COMMENT ON COLUMN activecampaign.brandings.admin_template_htm_backup IS 'Backup of the admin template HTML.';
COMMENT ON COLUMN activecampaign.brandings.admin_template_css_backup IS 'Backup of the admin template CSS.';
COMMENT ON COLUMN activecampaign.brandings.zendesk_widget_enabled IS '1 if the Zendesk widget is enabled.';
COMMENT ON COLUMN activecampaign.brandings.created_timestamp IS 'When the branding was created.';
COMMENT ON COLUMN activecampaign.brandings.updated_timestamp IS 'When the branding was last updated.';
COMMENT ON COLUMN activecampaign.brandings._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.brandings._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.calendars (
  id BIGINT NOT NULL,
  userid BIGINT,
  title TEXT,
  "type" TEXT,
  token TEXT,
  notification BIGINT,
  cdate TIMESTAMPTZ,
  mdate TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.calendars IS 'Calendar feeds of deal and contact tasks that users subscribe to.';
COMMENT ON COLUMN activecampaign.calendars.id IS 'Calendar feed ID.';
COMMENT ON COLUMN activecampaign.calendars.userid IS 'ID of the user owning the feed.';
COMMENT ON COLUMN activecampaign.calendars.title IS 'Feed title.';
COMMENT ON COLUMN activecampaign.calendars."type" IS 'What the feed shows: All, Deals or Contacts.';
COMMENT ON COLUMN activecampaign.calendars.token IS 'Secret token of the feed''s subscription URL.';
COMMENT ON COLUMN activecampaign.calendars.notification IS '1 if notifications are on.';
COMMENT ON COLUMN activecampaign.calendars.cdate IS 'When the feed was created.';
COMMENT ON COLUMN activecampaign.calendars.mdate IS 'When the feed was last modified.';
COMMENT ON COLUMN activecampaign.calendars._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.calendars._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.deal_roles (
  id BIGINT NOT NULL,
  title TEXT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.deal_roles IS 'Roles a contact can play on a deal.';
COMMENT ON COLUMN activecampaign.deal_roles.id IS 'Deal role ID.';
COMMENT ON COLUMN activecampaign.deal_roles.title IS 'Role name.';
COMMENT ON COLUMN activecampaign.deal_roles.created_timestamp IS 'When the role was created.';
COMMENT ON COLUMN activecampaign.deal_roles.updated_timestamp IS 'When the role was last updated.';
COMMENT ON COLUMN activecampaign.deal_roles._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.deal_roles._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.saved_responses (
  id BIGINT NOT NULL,
  title TEXT,
  subject TEXT,
  body TEXT,
  ldate TIMESTAMPTZ,
  last_sent_user_id BIGINT,
  cdate TIMESTAMPTZ,
  mdate TIMESTAMPTZ,
  userid BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.saved_responses IS 'E-mail templates users keep for one-to-one replies.';
COMMENT ON COLUMN activecampaign.saved_responses.id IS 'Saved response ID.';
COMMENT ON COLUMN activecampaign.saved_responses.title IS 'Title.';
COMMENT ON COLUMN activecampaign.saved_responses.subject IS 'E-mail subject.';
COMMENT ON COLUMN activecampaign.saved_responses.body IS 'E-mail body.';
COMMENT ON COLUMN activecampaign.saved_responses.ldate IS 'When it was last sent (null if never).';
COMMENT ON COLUMN activecampaign.saved_responses.last_sent_user_id IS 'ID of the user who last sent it.';
COMMENT ON COLUMN activecampaign.saved_responses.cdate IS 'When it was created.';
COMMENT ON COLUMN activecampaign.saved_responses.mdate IS 'When it was last modified (null until edited).';
COMMENT ON COLUMN activecampaign.saved_responses.userid IS 'ID of the user owning it.';
COMMENT ON COLUMN activecampaign.saved_responses._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.saved_responses._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.webhooks (
  id BIGINT NOT NULL,
  name TEXT,
  url TEXT,
  events JSONB,
  sources JSONB,
  listid BIGINT,
  cdate TIMESTAMPTZ,
  state TEXT,
  deactivated_date TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.webhooks IS 'Webhooks the account sends, with their events and sources.';
COMMENT ON COLUMN activecampaign.webhooks.id IS 'Webhook ID.';
COMMENT ON COLUMN activecampaign.webhooks.name IS 'Webhook name.';
COMMENT ON COLUMN activecampaign.webhooks.url IS 'Target URL.';
COMMENT ON COLUMN activecampaign.webhooks.events IS 'Event names that trigger the webhook.';
COMMENT ON COLUMN activecampaign.webhooks.sources IS 'Sources that trigger it: public, admin, api, system.';
COMMENT ON COLUMN activecampaign.webhooks.listid IS 'ID of the list it watches (0 = all lists).';
COMMENT ON COLUMN activecampaign.webhooks.cdate IS 'When the webhook was created.';
COMMENT ON COLUMN activecampaign.webhooks.state IS 'State of the webhook.';
COMMENT ON COLUMN activecampaign.webhooks.deactivated_date IS 'When the webhook was deactivated (null while active).';
COMMENT ON COLUMN activecampaign.webhooks._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.webhooks._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.contact_automations (
  id BIGINT NOT NULL,
  contact BIGINT,
  seriesid BIGINT,
  automation BIGINT,
  startid BIGINT,
  status BIGINT,
  batchid TEXT,
  adddate TIMESTAMPTZ,
  remdate TIMESTAMPTZ,
  timespan BIGINT,
  lastblock BIGINT,
  lastlogid BIGINT,
  lastdate TIMESTAMPTZ,
  in_als BIGINT,
  completed_elements BIGINT,
  total_elements BIGINT,
  completed BIGINT,
  complete_value BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.contact_automations IS 'Runs of contacts through automations, with progress and when each entered and left.';
COMMENT ON COLUMN activecampaign.contact_automations.id IS 'ID of the contact''s run through the automation.';
COMMENT ON COLUMN activecampaign.contact_automations.contact IS 'Contact ID.';
COMMENT ON COLUMN activecampaign.contact_automations.seriesid IS 'Automation ID.';
COMMENT ON COLUMN activecampaign.contact_automations.automation IS 'Automation ID (the same value as seriesid).';
COMMENT ON COLUMN activecampaign.contact_automations.startid IS 'ID of the start trigger (0 when none).';
COMMENT ON COLUMN activecampaign.contact_automations.status IS 'Status: 1 in the automation, 2 finished or removed.';
COMMENT ON COLUMN activecampaign.contact_automations.batchid IS 'Batch marker (null, or e.g. completed).';
COMMENT ON COLUMN activecampaign.contact_automations.adddate IS 'When the contact entered the automation.';
COMMENT ON COLUMN activecampaign.contact_automations.remdate IS 'When the contact left the automation (null while in it).';
COMMENT ON COLUMN activecampaign.contact_automations.timespan IS 'Time spent in the automation (unit undocumented).';
COMMENT ON COLUMN activecampaign.contact_automations.lastblock IS 'ID of the last automation block reached.';
COMMENT ON COLUMN activecampaign.contact_automations.lastlogid IS 'ID of the last automation log entry.';
COMMENT ON COLUMN activecampaign.contact_automations.lastdate IS 'When the run last moved.';
COMMENT ON COLUMN activecampaign.contact_automations.in_als IS 'Undocumented counter (newer field).';
COMMENT ON COLUMN activecampaign.contact_automations.completed_elements IS 'Number of automation elements completed.';
COMMENT ON COLUMN activecampaign.contact_automations.total_elements IS 'Number of elements in the automation.';
COMMENT ON COLUMN activecampaign.contact_automations.completed IS '1 if the contact completed the automation.';
COMMENT ON COLUMN activecampaign.contact_automations.complete_value IS 'Percentage of the automation completed (0-100).';
COMMENT ON COLUMN activecampaign.contact_automations._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.contact_automations._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_connections (
  id BIGINT NOT NULL,
  service TEXT,
  externalid TEXT,
  name TEXT,
  is_internal BIGINT,
  connection_type TEXT,
  status BIGINT,
  sync_status BIGINT,
  sync_request_time TIMESTAMPTZ,
  sync_start_time TIMESTAMPTZ,
  last_sync TIMESTAMPTZ,
  logo_url TEXT,
  link_url TEXT,
  list_id BIGINT,
  cdate TIMESTAMPTZ,
  udate TIMESTAMPTZ,
  credential_expiration TIMESTAMPTZ,
  service_name TEXT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.ecom_connections IS 'E-commerce integrations (stores) connected to the account, each a source of customers and orders.';
COMMENT ON COLUMN activecampaign.ecom_connections.id IS 'Connection ID.';
COMMENT ON COLUMN activecampaign.ecom_connections.service IS 'Service of the store, e.g. shopify.';
COMMENT ON COLUMN activecampaign.ecom_connections.externalid IS 'ID of the store at the service (often its host name).';
COMMENT ON COLUMN activecampaign.ecom_connections.name IS 'Store name.';
COMMENT ON COLUMN activecampaign.ecom_connections.is_internal IS '1 for ActiveCampaign''s own internal connection.';
COMMENT ON COLUMN activecampaign.ecom_connections.connection_type IS 'Kind of connection, e.g. ecommerce.';
COMMENT ON COLUMN activecampaign.ecom_connections.status IS 'Status: 1 enabled, 0 disabled.';
COMMENT ON COLUMN activecampaign.ecom_connections.sync_status IS 'Sync status flag.';
COMMENT ON COLUMN activecampaign.ecom_connections.sync_request_time IS 'When a sync was last requested.';
COMMENT ON COLUMN activecampaign.ecom_connections.sync_start_time IS 'When the last sync started.';
COMMENT ON COLUMN activecampaign.ecom_connections.last_sync IS 'When the store last synced (null if never).';
COMMENT ON COLUMN activecampaign.ecom_connections.logo_url IS 'URL of the store''s logo.';
COMMENT ON COLUMN activecampaign.ecom_connections.link_url IS 'URL of the store.';
COMMENT ON COLUMN activecampaign.ecom_connections.list_id IS 'ID of the list new customers join (0 = none).';
COMMENT ON COLUMN activecampaign.ecom_connections.cdate IS 'When the connection was created.';
COMMENT ON COLUMN activecampaign.ecom_connections.udate IS 'When the connection was last updated.';
COMMENT ON COLUMN activecampaign.ecom_connections.credential_expiration IS 'When the store''s credentials expire (null if unknown).';
COMMENT ON COLUMN activecampaign.ecom_connections.service_name IS 'Name of the service.';
COMMENT ON COLUMN activecampaign.ecom_connections._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.ecom_connections._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_customers (
  id BIGINT NOT NULL,
  connectionid BIGINT,
  "connection" BIGINT,
  externalid TEXT,
  email TEXT,
  total_revenue BIGINT,
  total_orders BIGINT,
  total_products BIGINT,
  avg_revenue_per_order DOUBLE PRECISION,
  avg_product_category TEXT,
  tstamp TIMESTAMPTZ,
  accepts_marketing BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.ecom_customers IS 'E-commerce customers, one per e-mail address and connection, with their order totals.';
COMMENT ON COLUMN activecampaign.ecom_customers.id IS 'Customer ID.';
COMMENT ON COLUMN activecampaign.ecom_customers.connectionid IS 'ID of the connection the customer comes from (0 for the account-wide customer).';
COMMENT ON COLUMN activecampaign.ecom_customers."connection" IS 'Connection ID (null for the account-wide customer).';
COMMENT ON COLUMN activecampaign.ecom_customers.externalid IS 'ID of the customer in the store.';
COMMENT ON COLUMN activecampaign.ecom_customers.email IS 'Customer''s e-mail address (the contact''s).';
COMMENT ON COLUMN activecampaign.ecom_customers.total_revenue IS 'Total revenue of the customer''s orders, in cents.';
COMMENT ON COLUMN activecampaign.ecom_customers.total_orders IS 'Number of orders.';
COMMENT ON COLUMN activecampaign.ecom_customers.total_products IS 'Number of products ordered.';
COMMENT ON COLUMN activecampaign.ecom_customers.avg_revenue_per_order IS 'Average revenue per order, in cents.';
COMMENT ON COLUMN activecampaign.ecom_customers.avg_product_category IS 'Most frequent product category.';
COMMENT ON COLUMN activecampaign.ecom_customers.tstamp IS 'When the customer last changed.';
COMMENT ON COLUMN activecampaign.ecom_customers.accepts_marketing IS '1 if the customer accepts marketing.';
COMMENT ON COLUMN activecampaign.ecom_customers._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.ecom_customers._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_orders (
  id BIGINT NOT NULL,
  externalid TEXT,
  externalcheckoutid TEXT,
  source BIGINT,
  email TEXT,
  currency TEXT,
  connectionid BIGINT,
  customerid BIGINT,
  order_number TEXT,
  order_url TEXT,
  shipping_method TEXT,
  total_price BIGINT,
  shipping_amount BIGINT,
  tax_amount BIGINT,
  discount_amount BIGINT,
  external_created_date TIMESTAMPTZ,
  external_updated_date TIMESTAMPTZ,
  abandoned_date TIMESTAMPTZ,
  total_products BIGINT,
  created_date TIMESTAMPTZ,
  updated_date TIMESTAMPTZ,
  state BIGINT,
  "connection" BIGINT,
  customer BIGINT,
  order_products JSONB,
  order_date TIMESTAMPTZ,
  tstamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.ecom_orders IS 'E-commerce orders (completed, pending, abandoned carts), with their totals in cents.';
COMMENT ON COLUMN activecampaign.ecom_orders.id IS 'Order ID.';
COMMENT ON COLUMN activecampaign.ecom_orders.externalid IS 'ID of the order in the store.';
COMMENT ON COLUMN activecampaign.ecom_orders.externalcheckoutid IS 'ID of the checkout in the store (abandoned carts).';
COMMENT ON COLUMN activecampaign.ecom_orders.source IS 'Source: 0 historical sync, 1 real time.';
COMMENT ON COLUMN activecampaign.ecom_orders.email IS 'Customer''s e-mail address.';
COMMENT ON COLUMN activecampaign.ecom_orders.currency IS 'Currency code, e.g. USD.';
COMMENT ON COLUMN activecampaign.ecom_orders.connectionid IS 'Connection ID.';
COMMENT ON COLUMN activecampaign.ecom_orders.customerid IS 'Customer ID.';
COMMENT ON COLUMN activecampaign.ecom_orders.order_number IS 'Order number shown to the customer.';
COMMENT ON COLUMN activecampaign.ecom_orders.order_url IS 'URL of the order in the store.';
COMMENT ON COLUMN activecampaign.ecom_orders.shipping_method IS 'Shipping method.';
COMMENT ON COLUMN activecampaign.ecom_orders.total_price IS 'Total price in cents.';
COMMENT ON COLUMN activecampaign.ecom_orders.shipping_amount IS 'Shipping in cents.';
COMMENT ON COLUMN activecampaign.ecom_orders.tax_amount IS 'Tax in cents.';
COMMENT ON COLUMN activecampaign.ecom_orders.discount_amount IS 'Discount in cents.';
COMMENT ON COLUMN activecampaign.ecom_orders.external_created_date IS 'When the order was created in the store.';
COMMENT ON COLUMN activecampaign.ecom_orders.external_updated_date IS 'When the order was last updated in the store.';
COMMENT ON COLUMN activecampaign.ecom_orders.abandoned_date IS 'When the cart was abandoned (null otherwise).';
COMMENT ON COLUMN activecampaign.ecom_orders.total_products IS 'Number of products in the order.';
COMMENT ON COLUMN activecampaign.ecom_orders.created_date IS 'When the order was created in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.ecom_orders.updated_date IS 'When the order was last updated in ActiveCampaign.';
COMMENT ON COLUMN activecampaign.ecom_orders.state IS 'State: 0 pending, 1 completed, 2 abandoned, 3 recovered, 4 waiting for payment.';
COMMENT ON COLUMN activecampaign.ecom_orders."connection" IS 'Connection ID (the same value as connectionid).';
COMMENT ON COLUMN activecampaign.ecom_orders.customer IS 'Customer ID (the same value as customerid).';
COMMENT ON COLUMN activecampaign.ecom_orders.order_products IS 'IDs of the order''s products (ecom_order_products.id).';
COMMENT ON COLUMN activecampaign.ecom_orders.order_date IS 'When the order was placed.';
COMMENT ON COLUMN activecampaign.ecom_orders.tstamp IS 'When the order record last changed.';
COMMENT ON COLUMN activecampaign.ecom_orders._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.ecom_orders._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.ecom_order_products (
  id BIGINT NOT NULL,
  orderid BIGINT,
  ecom_order BIGINT,
  connectionid BIGINT,
  externalid TEXT,
  sku TEXT,
  name TEXT,
  description TEXT,
  price BIGINT,
  quantity BIGINT,
  category TEXT,
  image_url TEXT,
  product_url TEXT,
  created_date TIMESTAMPTZ,
  updated_date TIMESTAMPTZ,
  tstamp TIMESTAMPTZ,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.ecom_order_products IS 'The products of each e-commerce order (one row per order line).';
COMMENT ON COLUMN activecampaign.ecom_order_products.id IS 'Order product ID.';
COMMENT ON COLUMN activecampaign.ecom_order_products.orderid IS 'Order ID.';
COMMENT ON COLUMN activecampaign.ecom_order_products.ecom_order IS 'Order ID (normally the same value as orderid).';
COMMENT ON COLUMN activecampaign.ecom_order_products.connectionid IS 'Connection ID.';
COMMENT ON COLUMN activecampaign.ecom_order_products.externalid IS 'ID of the product in the store.';
COMMENT ON COLUMN activecampaign.ecom_order_products.sku IS 'Stock keeping unit.';
COMMENT ON COLUMN activecampaign.ecom_order_products.name IS 'Product name.';
COMMENT ON COLUMN activecampaign.ecom_order_products.description IS 'Product description.';
COMMENT ON COLUMN activecampaign.ecom_order_products.price IS 'Unit price in cents.';
COMMENT ON COLUMN activecampaign.ecom_order_products.quantity IS 'Quantity ordered.';
COMMENT ON COLUMN activecampaign.ecom_order_products.category IS 'Product category.';
COMMENT ON COLUMN activecampaign.ecom_order_products.image_url IS 'URL of the product image.';
COMMENT ON COLUMN activecampaign.ecom_order_products.product_url IS 'URL of the product page.';
COMMENT ON COLUMN activecampaign.ecom_order_products.created_date IS 'When the line was created.';
COMMENT ON COLUMN activecampaign.ecom_order_products.updated_date IS 'When the line was last updated.';
COMMENT ON COLUMN activecampaign.ecom_order_products.tstamp IS 'When the line record last changed.';
COMMENT ON COLUMN activecampaign.ecom_order_products._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.ecom_order_products._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.activities (
  id BIGINT NOT NULL,
  tstamp TIMESTAMPTZ,
  subscriberid BIGINT,
  reference_type TEXT,
  reference_id BIGINT,
  reference_action TEXT,
  json_data TEXT,
  userid BIGINT,
  "user" BIGINT,
  permission TEXT,
  reference_model_name TEXT,
  reference JSONB,
  notes JSONB,
  recipients JSONB,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.activities IS 'The activity feed of contacts: e-mails, opens, clicks, subscriptions, notes, automations.';
COMMENT ON COLUMN activecampaign.activities.id IS 'Activity ID.';
COMMENT ON COLUMN activecampaign.activities.tstamp IS 'When the activity happened.';
COMMENT ON COLUMN activecampaign.activities.subscriberid IS 'Contact ID.';
COMMENT ON COLUMN activecampaign.activities.reference_type IS 'Kind of record the activity is about, e.g. SubscriberEmail.';
COMMENT ON COLUMN activecampaign.activities.reference_id IS 'ID of the record the activity is about.';
COMMENT ON COLUMN activecampaign.activities.reference_action IS 'What happened to the record (often empty).';
COMMENT ON COLUMN activecampaign.activities.json_data IS 'Extra data of the activity as JSON text (often null).';
COMMENT ON COLUMN activecampaign.activities.userid IS 'ID of the user who acted (0 for the contact''s own actions).';
COMMENT ON COLUMN activecampaign.activities."user" IS 'ID of the user who acted (null for the contact''s own actions).';
COMMENT ON COLUMN activecampaign.activities.permission IS 'Permission needed to see the activity (often empty).';
COMMENT ON COLUMN activecampaign.activities.reference_model_name IS 'Model of the referenced record, e.g. contact-email.';
COMMENT ON COLUMN activecampaign.activities.reference IS 'The referenced record as {type, id}.';
COMMENT ON COLUMN activecampaign.activities.notes IS 'IDs of notes attached to the activity.';
COMMENT ON COLUMN activecampaign.activities.recipients IS 'IDs of the activity''s recipients (activityRecipients).';
COMMENT ON COLUMN activecampaign.activities._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.activities._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.email_activities (
  id BIGINT NOT NULL,
  subscriberid BIGINT,
  userid BIGINT,
  d_id BIGINT,
  deal BIGINT,
  "account" BIGINT,
  reltype TEXT,
  relid BIGINT,
  from_name TEXT,
  from_address TEXT,
  to_address TEXT,
  cc_address TEXT,
  subject TEXT,
  message TEXT,
  message_html TEXT,
  tstamp TIMESTAMPTZ,
  contact BIGINT,
  "user" BIGINT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.email_activities IS 'One-to-one e-mails logged on contacts and deals, with sender, recipients and body.';
COMMENT ON COLUMN activecampaign.email_activities.id IS 'E-mail activity ID.';
COMMENT ON COLUMN activecampaign.email_activities.subscriberid IS 'Contact ID.';
COMMENT ON COLUMN activecampaign.email_activities.userid IS 'ID of the user who sent or logged the e-mail.';
COMMENT ON COLUMN activecampaign.email_activities.d_id IS 'Deal ID (0 when the e-mail is not on a deal).';
COMMENT ON COLUMN activecampaign.email_activities.deal IS 'Deal ID (null when the e-mail is not on a deal).';
COMMENT ON COLUMN activecampaign.email_activities."account" IS 'Account ID, when logged on an account.';
COMMENT ON COLUMN activecampaign.email_activities.reltype IS 'What the e-mail is logged on: Subscriber or Deal.';
COMMENT ON COLUMN activecampaign.email_activities.relid IS 'ID of the contact or deal it is logged on.';
COMMENT ON COLUMN activecampaign.email_activities.from_name IS 'Sender name.';
COMMENT ON COLUMN activecampaign.email_activities.from_address IS 'Sender address.';
COMMENT ON COLUMN activecampaign.email_activities.to_address IS 'Recipient address.';
COMMENT ON COLUMN activecampaign.email_activities.cc_address IS 'Cc addresses.';
COMMENT ON COLUMN activecampaign.email_activities.subject IS 'Subject.';
COMMENT ON COLUMN activecampaign.email_activities.message IS 'Plain-text body.';
COMMENT ON COLUMN activecampaign.email_activities.message_html IS 'HTML body.';
COMMENT ON COLUMN activecampaign.email_activities.tstamp IS 'When the e-mail was sent or logged.';
COMMENT ON COLUMN activecampaign.email_activities.contact IS 'Contact ID (the same value as subscriberid).';
COMMENT ON COLUMN activecampaign.email_activities."user" IS 'User ID (the same value as userid).';
COMMENT ON COLUMN activecampaign.email_activities._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.email_activities._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.site_tracking_domains (
  name TEXT NOT NULL,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (name)
);
COMMENT ON TABLE activecampaign.site_tracking_domains IS 'Domains whitelisted for site tracking.';
COMMENT ON COLUMN activecampaign.site_tracking_domains.name IS 'Domain name.';
COMMENT ON COLUMN activecampaign.site_tracking_domains._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.site_tracking_domains._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';

CREATE TABLE IF NOT EXISTS activecampaign.custom_object_schemas (
  id TEXT NOT NULL,
  slug TEXT,
  visibility TEXT,
  label_singular TEXT,
  label_plural TEXT,
  description TEXT,
  created_timestamp TIMESTAMPTZ,
  updated_timestamp TIMESTAMPTZ,
  fields JSONB,
  relationships JSONB,
  icon TEXT,
  _acx_synced_at TIMESTAMPTZ,
  _acx_deleted_at TIMESTAMPTZ,
  PRIMARY KEY (id)
);
COMMENT ON TABLE activecampaign.custom_object_schemas IS 'Each custom object type the account defines, with its fields and relationships.';
COMMENT ON COLUMN activecampaign.custom_object_schemas.id IS 'Schema ID (a UUID).';
COMMENT ON COLUMN activecampaign.custom_object_schemas.slug IS 'Schema slug, unique in the account (names its table: custom_object_<slug>).';
COMMENT ON COLUMN activecampaign.custom_object_schemas.visibility IS 'private or public (a public schema belongs to an app).';
COMMENT ON COLUMN activecampaign.custom_object_schemas.label_singular IS 'Singular label of the object.';
COMMENT ON COLUMN activecampaign.custom_object_schemas.label_plural IS 'Plural label of the object.';
COMMENT ON COLUMN activecampaign.custom_object_schemas.description IS 'Description of the schema.';
COMMENT ON COLUMN activecampaign.custom_object_schemas.created_timestamp IS 'When the schema was created (UTC).';
COMMENT ON COLUMN activecampaign.custom_object_schemas.updated_timestamp IS 'When the schema was last updated (UTC).';
COMMENT ON COLUMN activecampaign.custom_object_schemas.fields IS 'The object''s fields: id, labels, type, required, scale, options, status.';
COMMENT ON COLUMN activecampaign.custom_object_schemas.relationships IS 'Relationships to other objects: id, labels, namespace (contacts, accounts, deals), hasMany.';
COMMENT ON COLUMN activecampaign.custom_object_schemas.icon IS 'URL of the object''s icon.';
COMMENT ON COLUMN activecampaign.custom_object_schemas._acx_synced_at IS 'When acx last wrote this row (UTC): the commit of the run that read it.';
COMMENT ON COLUMN activecampaign.custom_object_schemas._acx_deleted_at IS 'When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.';
