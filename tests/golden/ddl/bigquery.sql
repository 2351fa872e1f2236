CREATE TABLE IF NOT EXISTS activecampaign.accounts (
  id INT64 NOT NULL OPTIONS (
    description='Account ID.'
  ),
  account_url STRING OPTIONS (
    description='URL recorded for the account.'
  ),
  contact_count INT64 OPTIONS (
    description='Number of contacts linked to the account.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the account was created.'
  ),
  deal_count INT64 OPTIONS (
    description='Number of deals associated with the account.'
  ),
  name STRING OPTIONS (
    description='The account name.'
  ),
  owner INT64 OPTIONS (
    description='ID of the account owner.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the account was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Accounts managed in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.account_contacts (
  id INT64 NOT NULL OPTIONS (
    description='Association ID between account and contact.'
  ),
  `account` INT64 OPTIONS (
    description='Account ID'
  ),
  contact INT64 OPTIONS (
    description='Contact ID'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='Creation datetime of the account-contact link.'
  ),
  job_title STRING OPTIONS (
    description='Job Title of the contact at the account'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the account-contact link was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='ActiveCampaign relationships between accounts and contacts.'
);

CREATE TABLE IF NOT EXISTS activecampaign.account_custom_field_data (
  id INT64 NOT NULL OPTIONS (
    description='Custom field value ID.'
  ),
  account_id INT64 OPTIONS (
    description='The ID of the account this field value relates to'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the custom field value was created.'
  ),
  custom_field_id INT64 OPTIONS (
    description='The ID of the custom field metum this field value relates to'
  ),
  field_currency STRING OPTIONS (
    description='Currency code for the money value'
  ),
  field_value STRING OPTIONS (
    description='Values for the field'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the custom field value was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='ActiveCampaign account custom field values with currency and links to accounts/field meta.'
);

CREATE TABLE IF NOT EXISTS activecampaign.account_custom_field_meta (
  id INT64 NOT NULL OPTIONS (
    description='Custom field ID.'
  ),
  created_by INT64 OPTIONS (
    description='User who created the field.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the field was created.'
  ),
  display_order INT64 OPTIONS (
    description='Order for displaying the field on Manage Fields page and deal profiles'
  ),
  field_default STRING OPTIONS (
    description='Default value of the field'
  ),
  field_default_currency STRING OPTIONS (
    description='Default currency for the field (3-letter code).'
  ),
  field_label STRING OPTIONS (
    description='Name of the field'
  ),
  field_options STRING OPTIONS (
    description='Options for the field.'
  ),
  field_type STRING OPTIONS (
    description='Type of field. Possible values are: text, textarea, date, datetime, dropdown, multiselect, radio, checkbox, hidden, currency, or number.'
  ),
  hide_field_flag INT64 OPTIONS (
    description='Whether the field is hidden (1) or visible (0).'
  ),
  is_form_visible INT64 OPTIONS (
    description='Whether or not the field is visible on forms'
  ),
  is_required INT64 OPTIONS (
    description='Whether the field is required (1) or optional (0).'
  ),
  known_field_id INT64 OPTIONS (
    description='Identifier if the field maps to a known predefined field.'
  ),
  personalization STRING OPTIONS (
    description='Personalization tag for using the field in messages.'
  ),
  updated_by INT64 OPTIONS (
    description='User who last updated the field.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the field was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='ActiveCampaign account custom field metadata.'
);

CREATE TABLE IF NOT EXISTS activecampaign.account_notes (
  id INT64 NOT NULL OPTIONS (
    description='Note ID.'
  ),
  `account` INT64 OPTIONS (
    description='Account ID linked to the note.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the note was created.'
  ),
  is_draft INT64 OPTIONS (
    description='Whether the note is in draft status (1) or published (0).'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the note was last modified.'
  ),
  note STRING OPTIONS (
    description='Text of the note.'
  ),
  owner_id INT64 OPTIONS (
    description='ID of the note owner.'
  ),
  owner_type STRING OPTIONS (
    description='Type of owner tied to the note (e.g., account).'
  ),
  userid INT64 OPTIONS (
    description='ID of the user who created the note.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Notes recorded on accounts in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.campaigns (
  id INT64 NOT NULL OPTIONS (
    description='id of the automation'
  ),
  activerss_interval STRING OPTIONS (
    description='Interval used for ActiveRSS schedule.'
  ),
  activerss_items INT64 OPTIONS (
    description='Number of items pulled from the RSS feed.'
  ),
  activerss_url STRING OPTIONS (
    description='RSS feed URL connected to the campaign.'
  ),
  addressid INT64 OPTIONS (
    description='Sender address profile ID for the campaign.'
  ),
  analytics_campaign_name STRING OPTIONS (
    description='Custom campaign name used in analytics tracking.'
  ),
  automation INT64 OPTIONS (
    description='Automation ID tied to the campaign.'
  ),
  basemessageid INT64 OPTIONS (
    description='Base message ID from which the campaign was created.'
  ),
  basetemplateid STRING OPTIONS (
    description='Base template ID applied to the campaign.'
  ),
  bounceid INT64 OPTIONS (
    description='Bounce handling profile ID.'
  ),
  can_skip_approval INT64 OPTIONS (
    description='Flag indicating if the campaign can skip approval.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the campaign was created.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='Timestamp when the campaign record was created.'
  ),
  embed_images INT64 OPTIONS (
    description='Flag to embed images in the email body.'
  ),
  facebook INT64 OPTIONS (
    description='Flag enabling Facebook sharing.'
  ),
  formid INT64 OPTIONS (
    description='Form ID associated with the campaign.'
  ),
  forwards INT64 OPTIONS (
    description='Number of forwards.'
  ),
  hardbounces INT64 OPTIONS (
    description='Hard bounce count.'
  ),
  has_predictive_content INT64 OPTIONS (
    description='Flag indicating predictive content availability.'
  ),
  htmlunsub INT64 OPTIONS (
    description='HTML content used for unsubscribe.'
  ),
  htmlunsubdata STRING OPTIONS (
    description='Additional HTML data for unsubscribe content.'
  ),
  ip STRING OPTIONS (
    description='IP address logged when the campaign was created.'
  ),
  ip4 STRING OPTIONS (
    description='IPv4 address logged for the campaign.'
  ),
  laststep STRING OPTIONS (
    description='Last workflow step executed for the campaign.'
  ),
  ldate TIMESTAMP OPTIONS (
    description='When the campaign was last modified.'
  ),
  linkclicks INT64 OPTIONS (
    description='Total link clicks.'
  ),
  mail_cleanup INT64 OPTIONS (
    description='Flag controlling mailbox cleanup after send.'
  ),
  mail_send INT64 OPTIONS (
    description='Flag controlling whether the campaign should send.'
  ),
  mail_transfer INT64 OPTIONS (
    description='Flag controlling mail transfer handling.'
  ),
  mailer_log_file INT64 OPTIONS (
    description='Name of the mailer log file.'
  ),
  managetext INT64 OPTIONS (
    description='Plain-text manage-subscription content.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the campaign was last updated.'
  ),
  name STRING OPTIONS (
    description='Campaign name.'
  ),
  opens INT64 OPTIONS (
    description='Total opens.'
  ),
  `public` INT64 OPTIONS (
    description='Flag indicating if the campaign is public.'
  ),
  realcid INT64 OPTIONS (
    description='Internal real campaign identifier.'
  ),
  recurring STRING OPTIONS (
    description='Flag indicating if the campaign recurs.'
  ),
  reminder_field STRING OPTIONS (
    description='Reminder field value for scheduled sends.'
  ),
  reminder_format STRING OPTIONS (
    description='Format used for reminders.'
  ),
  reminder_last_cron_run STRING OPTIONS (
    description='When the reminder cron last ran.'
  ),
  reminder_offset INT64 OPTIONS (
    description='Offset value for reminder timing.'
  ),
  reminder_offset_sign STRING OPTIONS (
    description='Offset sign applied to reminder timing.'
  ),
  reminder_offset_type STRING OPTIONS (
    description='Offset unit for reminder timing.'
  ),
  reminder_type STRING OPTIONS (
    description='Reminder type used for the campaign.'
  ),
  replies INT64 OPTIONS (
    description='Number of replies.'
  ),
  replysys INT64 OPTIONS (
    description='Flag for using system reply address.'
  ),
  responder_existing INT64 OPTIONS (
    description='Auto-responder behavior for existing contacts.'
  ),
  responder_offset INT64 OPTIONS (
    description='Delay offset applied to responder sends.'
  ),
  responder_type STRING OPTIONS (
    description='Type of responder sequence.'
  ),
  schedule INT64 OPTIONS (
    description='Scheduling status for the campaign.'
  ),
  scheduleddate STRING OPTIONS (
    description='Scheduled date and time for sending.'
  ),
  screenshot STRING OPTIONS (
    description='URL of the campaign screenshot.'
  ),
  sdate TIMESTAMP OPTIONS (
    description='Send date/time of the campaign.'
  ),
  segmentid INT64 OPTIONS (
    description='Segment ID applied to the campaign.'
  ),
  segmentname STRING OPTIONS (
    description='Name of the segment applied to the campaign.'
  ),
  send_amt INT64 OPTIONS (
    description='Number of recipients targeted.'
  ),
  sendid INT64 OPTIONS (
    description='Send batch identifier.'
  ),
  series_send_lock_time STRING OPTIONS (
    description='Lock time before series send executes.'
  ),
  seriesid INT64 OPTIONS (
    description='Series ID linked to the campaign.'
  ),
  socialshares INT64 OPTIONS (
    description='Number of social shares.'
  ),
  softbounces INT64 OPTIONS (
    description='Soft bounce count.'
  ),
  source STRING OPTIONS (
    description='Source indicator for how the campaign was created.'
  ),
  split_content INT64 OPTIONS (
    description='Content variant details for split tests.'
  ),
  split_offset INT64 OPTIONS (
    description='Offset value used in split scheduling.'
  ),
  split_offset_type STRING OPTIONS (
    description='Offset unit used in split scheduling.'
  ),
  split_type STRING OPTIONS (
    description='Type of split test configured.'
  ),
  split_winner_awaiting INT64 OPTIONS (
    description='Flag indicating winner selection is pending.'
  ),
  split_winner_messageid INT64 OPTIONS (
    description='Message ID of the winning variant.'
  ),
  status INT64 OPTIONS (
    description='Status code of the campaign.'
  ),
  subscriberclicks INT64 OPTIONS (
    description='Clicks recorded from subscribers.'
  ),
  survey STRING OPTIONS (
    description='Survey ID associated with the campaign.'
  ),
  textunsub INT64 OPTIONS (
    description='Plain-text content used for unsubscribe.'
  ),
  textunsubdata STRING OPTIONS (
    description='Additional text data for unsubscribe content.'
  ),
  threadid INT64 OPTIONS (
    description='Email thread identifier.'
  ),
  total_amt INT64 OPTIONS (
    description='Total size of the campaign audience.'
  ),
  tracklinks STRING OPTIONS (
    description='Link tracking mode indicator.'
  ),
  tracklinksanalytics INT64 OPTIONS (
    description='Analytics tracking setting for links.'
  ),
  trackreads INT64 OPTIONS (
    description='Open tracking mode indicator.'
  ),
  trackreadsanalytics INT64 OPTIONS (
    description='Analytics tracking setting for opens.'
  ),
  tweet INT64 OPTIONS (
    description='Flag enabling Twitter sharing.'
  ),
  `type` STRING OPTIONS (
    description='Campaign type identifier.'
  ),
  uniqueforwards INT64 OPTIONS (
    description='Unique forward count.'
  ),
  uniquelinkclicks INT64 OPTIONS (
    description='Unique link clicks.'
  ),
  uniqueopens INT64 OPTIONS (
    description='Unique opens.'
  ),
  uniquereplies INT64 OPTIONS (
    description='Unique replies.'
  ),
  unsubreasons INT64 OPTIONS (
    description='Aggregated reasons for unsubscribes.'
  ),
  unsubscribes INT64 OPTIONS (
    description='Unsubscribe count.'
  ),
  updates INT64 OPTIONS (
    description='Number of updates processed for the campaign.'
  ),
  use_quartz_scheduler INT64 OPTIONS (
    description='Flag indicating the Quartz scheduler is used.'
  ),
  userid INT64 OPTIONS (
    description='User ID that owns the campaign.'
  ),
  waitpreview INT64 OPTIONS (
    description='Flag to wait for preview processing.'
  ),
  willrecur INT64 OPTIONS (
    description='Flag indicating the campaign will recur.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Campaign settings and metrics.'
);

CREATE TABLE IF NOT EXISTS activecampaign.campaign_messages (
  id INT64 NOT NULL OPTIONS (
    description='Message metrics record ID.'
  ),
  campaignid INT64 OPTIONS (
    description='automation or campaign id'
  ),
  forwards INT64 OPTIONS (
    description='Number of times the message was forwarded.'
  ),
  hardbounces INT64 OPTIONS (
    description='Count of hard bounces for the message.'
  ),
  initial_split_percentage FLOAT64 OPTIONS (
    description='Percentage used to split traffic for this variant.'
  ),
  linkclicks INT64 OPTIONS (
    description='Total link clicks in the message.'
  ),
  messageid INT64 OPTIONS (
    description='message id'
  ),
  opens INT64 OPTIONS (
    description='Total opens for the message.'
  ),
  percentage FLOAT64 OPTIONS (
    description='Percentage of audience this message variant received.'
  ),
  replies INT64 OPTIONS (
    description='Number of replies recorded.'
  ),
  screenshot STRING OPTIONS (
    description='URL of the message screenshot.'
  ),
  send_amt INT64 OPTIONS (
    description='Number of messages sent.'
  ),
  socialshares INT64 OPTIONS (
    description='Count of social shares.'
  ),
  softbounces INT64 OPTIONS (
    description='Count of soft bounces for the message.'
  ),
  sourcesize INT64 OPTIONS (
    description='Size of the audience source for the send.'
  ),
  spamcheck_max FLOAT64 OPTIONS (
    description='Maximum spam score allowed.'
  ),
  spamcheck_score FLOAT64 OPTIONS (
    description='Spam score calculated for the message.'
  ),
  subject STRING OPTIONS (
    description='Message subject line.'
  ),
  subscriberclicks INT64 OPTIONS (
    description='Unique subscriber link clicks.'
  ),
  total_amt INT64 OPTIONS (
    description='Total recipients targeted by the message.'
  ),
  uniqueforwards INT64 OPTIONS (
    description='Unique forward count.'
  ),
  uniquelinkclicks INT64 OPTIONS (
    description='Unique link clicks.'
  ),
  uniqueopens INT64 OPTIONS (
    description='Unique opens.'
  ),
  uniquereplies INT64 OPTIONS (
    description='Unique replies.'
  ),
  unsubreasons INT64 OPTIONS (
    description='Aggregated reasons for unsubscribe actions.'
  ),
  unsubscribes INT64 OPTIONS (
    description='Unsubscribe count.'
  ),
  updates INT64 OPTIONS (
    description='Number of updates processed for the message metrics.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Metrics for campaign messages.'
);

CREATE TABLE IF NOT EXISTS activecampaign.campaign_message_contents (
  id INT64 NOT NULL OPTIONS (
    description='id of the message'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the message content was created.'
  ),
  charset STRING OPTIONS (
    description='Character set used for the message content.'
  ),
  ed_instanceid INT64 OPTIONS (
    description='Editor instance identifier for the message.'
  ),
  ed_version INT64 OPTIONS (
    description='Editor version used for the content.'
  ),
  encoding STRING OPTIONS (
    description='Email encoding type for the message.'
  ),
  format STRING OPTIONS (
    description='Format of the message content.'
  ),
  fromemail STRING OPTIONS (
    description='Sender email configured for the message.'
  ),
  fromname STRING OPTIONS (
    description='Sender name configured for the message.'
  ),
  has_predictive_content INT64 OPTIONS (
    description='Flag indicating predictive content is enabled.'
  ),
  hidden INT64 OPTIONS (
    description='Visibility flag for the message content.'
  ),
  htmlfetch STRING OPTIONS (
    description='When HTML content should be fetched.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the message content was last modified.'
  ),
  name STRING OPTIONS (
    description='Internal name of the message content.'
  ),
  preheader_text STRING OPTIONS (
    description='Preheader Text'
  ),
  preview_data STRING OPTIONS (
    description='Preview payload used for rendering tests.'
  ),
  preview_mime STRING OPTIONS (
    description='MIME type used in the preview.'
  ),
  priority INT64 OPTIONS (
    description='Priority level assigned to the message.'
  ),
  reply2 STRING OPTIONS (
    description='Reply email for the recipient to reply to'
  ),
  subject STRING OPTIONS (
    description='Subject of message'
  ),
  text STRING OPTIONS (
    description='text of the mensage. Obs. 1000 charecters limit'
  ),
  textfetch STRING OPTIONS (
    description='When plain-text content should be fetched.'
  ),
  userid INT64 OPTIONS (
    description='User ID owning this message content.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Campaign message content details.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contacts (
  id INT64 NOT NULL OPTIONS (
    description='Contact ID.'
  ),
  adate TIMESTAMP OPTIONS (
    description='When the contact was added.'
  ),
  anonymized INT64 OPTIONS (
    description='Flag indicating the contact was anonymized.'
  ),
  bounced_date DATE OPTIONS (
    description='Date of the last bounce event.'
  ),
  bounced_hard INT64 OPTIONS (
    description='Hard bounce status flag.'
  ),
  bounced_soft INT64 OPTIONS (
    description='Soft bounce status flag.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the contact was created.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the contact record was created.'
  ),
  created_utc_timestamp TIMESTAMP OPTIONS (
    description='Creation timestamp stored without timezone.'
  ),
  deleted INT64 OPTIONS (
    description='Flag indicating the contact was deleted.'
  ),
  deleted_at TIMESTAMP OPTIONS (
    description='When the contact was deleted.'
  ),
  edate TIMESTAMP OPTIONS (
    description='When the contact record was last edited.'
  ),
  email STRING OPTIONS (
    description='Email address of the new contact.'
  ),
  email_domain STRING OPTIONS (
    description='Domain portion of the contact email.'
  ),
  email_empty BOOL OPTIONS (
    description='Flag indicating the email field is empty.'
  ),
  email_local STRING OPTIONS (
    description='Local part of the contact email.'
  ),
  first_name STRING OPTIONS (
    description='First name of the new contact.'
  ),
  gravatar INT64 OPTIONS (
    description='Flag indicating if a Gravatar image is available.'
  ),
  `hash` STRING OPTIONS (
    description='Hashed identifier for the contact.'
  ),
  ip STRING OPTIONS (
    description='IP address captured for the contact.'
  ),
  last_name STRING OPTIONS (
    description='Last name of the new contact.'
  ),
  mpp_tracking INT64 OPTIONS (
    description='Indicator for mail privacy protection tracking.'
  ),
  orgid INT64 OPTIONS (
    description='Organization ID linked to the contact.'
  ),
  orgname STRING OPTIONS (
    description='Organization name linked to the contact.'
  ),
  phone STRING OPTIONS (
    description='Phone number of the contact.'
  ),
  rating_tstamp DATE OPTIONS (
    description='When the contact rating was last updated.'
  ),
  segmentio_id STRING OPTIONS (
    description='Segment.io identifier stored for the contact.'
  ),
  sentcnt INT64 OPTIONS (
    description='Number of emails sent to the contact.'
  ),
  socialdata_lastcheck TIMESTAMP OPTIONS (
    description='When social data was last refreshed.'
  ),
  ua STRING OPTIONS (
    description='User agent string captured for the contact.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the contact was last updated.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  updated_utc_timestamp TIMESTAMP OPTIONS (
    description='Last update stored without timezone.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Contacts managed in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_field_values (
  id INT64 NOT NULL OPTIONS (
    description='Custom field value ID.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the contact custom field value was created.'
  ),
  contact INT64 OPTIONS (
    description='ID of the contact'
  ),
  field INT64 OPTIONS (
    description='ID of the custom field'
  ),
  owner INT64 OPTIONS (
    description='ID of the user who owns the field value.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the custom field value was last updated.'
  ),
  value STRING OPTIONS (
    description='Value for the field'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Contact custom field values in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_custom_fields (
  id INT64 NOT NULL OPTIONS (
    description='Custom field ID.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the field was created.'
  ),
  cols INT64 OPTIONS (
    description='Number of columns for layout (when applicable).'
  ),
  created_by INT64 OPTIONS (
    description='User who created the field.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the field metadata was created.'
  ),
  defval STRING OPTIONS (
    description='Default value of the field created'
  ),
  descript STRING OPTIONS (
    description='Description of field being created'
  ),
  isrequired INT64 OPTIONS (
    description='Whether the field is required (1) or optional (0).'
  ),
  ordernum INT64 OPTIONS (
    description='Order of appearance in ‘My Fields’ tab.'
  ),
  perstag STRING OPTIONS (
    description='The perstag that represents the field created'
  ),
  `rows` INT64 OPTIONS (
    description='Number of rows for layout (when applicable).'
  ),
  show_in_list INT64 OPTIONS (
    description='Whether the field is shown in list views.'
  ),
  title STRING OPTIONS (
    description='Title of the field created'
  ),
  `type` STRING OPTIONS (
    description='Possible Values: dropdown, hidden, checkbox, date, text, datetime, textarea, NULL, listbox, radio'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the field metadata was last updated (string).'
  ),
  updated_by INT64 OPTIONS (
    description='User who last updated the field.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the field metadata was last updated.'
  ),
  service STRING OPTIONS (
    description='Possible Vales: nimble, contactually, mindbody, salesforce, highrise, google_spreadsheets, pipedrive, onepage, google_contacts, freshbooks, shopify, zendesk, etsy, NULL, bigcommerce, capsule, bigcommerce_oauth, sugarcrm, zohocrm, batchbook'
  ),
  visible INT64 OPTIONS (
    description='Show or hide this field when using the Form Builder'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Contact custom field metadata in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_custom_field_options (
  field INT64 OPTIONS (
    description='Identifier of the field metadata.'
  ),
  id INT64 NOT NULL OPTIONS (
    description='Identifier of the field option.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the option was created.'
  ),
  label STRING OPTIONS (
    description='Label shown for the option.'
  ),
  orderid INT64 OPTIONS (
    description='Display order of the option.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the option was last updated.'
  ),
  value STRING OPTIONS (
    description='Underlying value stored for the option.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Options associated to contact custom fields.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_list_activity (
  id INT64 NOT NULL OPTIONS (
    description='Activity ID.'
  ),
  automation INT64 OPTIONS (
    description='Automation ID related to the activity.'
  ),
  autosync_log STRING OPTIONS (
    description='Metadata captured when the activity came from an automatic sync.'
  ),
  campaign STRING OPTIONS (
    description='Campaign ID tied to the list action.'
  ),
  contact INT64 OPTIONS (
    description='Contact ID.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the list activity was created.'
  ),
  form INT64 OPTIONS (
    description='Form ID used in the list action.'
  ),
  first_name STRING OPTIONS (
    description='First name captured in the activity.'
  ),
  ip4_sub STRING OPTIONS (
    description='IPv4 address used when subscribing.'
  ),
  ip4_unsub STRING OPTIONS (
    description='IPv4 address used when unsubscribing.'
  ),
  ip4_last STRING OPTIONS (
    description='Last IPv4 address recorded for the list activity.'
  ),
  last_name STRING OPTIONS (
    description='Last name captured in the activity.'
  ),
  list INT64 OPTIONS (
    description='List ID involved in the activity.'
  ),
  message STRING OPTIONS (
    description='Message content related to the list event.'
  ),
  responder INT64 OPTIONS (
    description='Responder ID if the action relates to an autoresponder.'
  ),
  sdate TIMESTAMP OPTIONS (
    description='When the subscription event happened.'
  ),
  seriesid INT64 OPTIONS (
    description='Identifier for the list automation series.'
  ),
  sourceid INT64 OPTIONS (
    description='Source ID that generated the list event.'
  ),
  status INT64 OPTIONS (
    description='Status in the list: 0 unconfirmed, 1 subscribed, 2 unsubscribed, 3 bounced.'
  ),
  sync INT64 OPTIONS (
    description='Flag indicating if the activity came from a sync.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  unsubreason STRING OPTIONS (
    description='Reason provided for unsubscribing.'
  ),
  unsubscribe_automation STRING OPTIONS (
    description='Automation triggered on unsubscribe.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the activity record was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='List subscription activities for contacts in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_notes (
  id INT64 NOT NULL OPTIONS (
    description='Note ID.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the note was created.'
  ),
  is_draft INT64 OPTIONS (
    description='Whether the note is in draft status (1) or published (0).'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the note was last modified.'
  ),
  note STRING OPTIONS (
    description='Text of the note.'
  ),
  relid INT64 OPTIONS (
    description='Contact ID linked to the note.'
  ),
  reltype STRING OPTIONS (
    description='Type of entity related to the note.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user who created the note.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Notes registered for contacts in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_tags (
  contact INT64 OPTIONS (
    description='ID of the contact.'
  ),
  id INT64 NOT NULL OPTIONS (
    description='ID of the tag-to-contact association.'
  ),
  tag_name STRING OPTIONS (
    description='Name of the tag.'
  ),
  tag_description STRING OPTIONS (
    description='Description of the tag.'
  ),
  tag_id INT64 OPTIONS (
    description='ID of the tag.'
  ),
  tag_cdate TIMESTAMP OPTIONS (
    description='When the tag record was created.'
  ),
  tag_created_by STRING OPTIONS (
    description='User who created the tag.'
  ),
  tag_created_timestamp TIMESTAMP OPTIONS (
    description='When the tag was created.'
  ),
  tag_deleted INT64 OPTIONS (
    description='Whether the tag is marked as deleted (1) or active (0).'
  ),
  tag_type STRING OPTIONS (
    description='Tag type, such as template or contact.'
  ),
  tag_updated_timestamp TIMESTAMP OPTIONS (
    description='When the tag record was last updated.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the tag was added to the contact.'
  ),
  created_by STRING OPTIONS (
    description='User who created the tag-to-contact association.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the tag association was created.'
  ),
  updated_by STRING OPTIONS (
    description='User who last updated the tag association.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the tag association was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Tags linked to contacts in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_tasks (
  id INT64 NOT NULL OPTIONS (
    description='Task ID.'
  ),
  assigned_date TIMESTAMP OPTIONS (
    description='When the task was assigned.'
  ),
  assignee INT64 OPTIONS (
    description='The id of an user the task is assigned to'
  ),
  automation STRING OPTIONS (
    description='Automation associated to trigger on task completion (optional).'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the task record was created.'
  ),
  created_utc_timestamp TIMESTAMP OPTIONS (
    description='When the task record was created (the API sends account-local time despite the name).'
  ),
  donedate TIMESTAMP OPTIONS (
    description='When the task was completed.'
  ),
  deal_tasktype INT64 OPTIONS (
    description='The type of the task based on the available Task Types in the account'
  ),
  done_automation STRING OPTIONS (
    description='Id of an automation that will be triggered when the task is completed.'
  ),
  done_by INT64 OPTIONS (
    description='User who completed the task.'
  ),
  done_utc_timestamp TIMESTAMP OPTIONS (
    description='When the task was completed (the API sends account-local time despite the name).'
  ),
  duedate TIMESTAMP OPTIONS (
    description='Due date of the task'
  ),
  duration FLOAT64 OPTIONS (
    description='Duration of the task.'
  ),
  edate TIMESTAMP OPTIONS (
    description='Due date of the task.'
  ),
  note STRING OPTIONS (
    description='The content describing the task'
  ),
  outcome_id INT64 OPTIONS (
    description='Outcome selected when completing the task.'
  ),
  outcome_info STRING OPTIONS (
    description='Extra information about the task outcome.'
  ),
  owner_type STRING OPTIONS (
    description='Title of the related object (contact).'
  ),
  relid INT64 OPTIONS (
    description='Id of relational object'
  ),
  status INT64 OPTIONS (
    description='Task status means complete or incomplete. 1 is complete and 0 is incomplete.'
  ),
  title STRING OPTIONS (
    description='The title of the task'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the task was last updated.'
  ),
  updated_utc_timestamp TIMESTAMP OPTIONS (
    description='When the task was last updated (the API sends account-local time despite the name).'
  ),
  `user` INT64 OPTIONS (
    description='User responsible for the task.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Tasks linked to contacts in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deals (
  id INT64 NOT NULL OPTIONS (
    description='Deal ID.'
  ),
  `account` INT64 OPTIONS (
    description='Deals account id'
  ),
  activitycount INT64 OPTIONS (
    description='Number of activities linked to the deal.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the deal was created.'
  ),
  contact INT64 OPTIONS (
    description='Deal\'s primary contact\'s id.'
  ),
  currency STRING OPTIONS (
    description='Deal\'s currency in 3-digit ISO format, lowercased.'
  ),
  customer_account INT64 OPTIONS (
    description='Customer account ID related to the deal.'
  ),
  description STRING OPTIONS (
    description='Deal\'s description'
  ),
  edate TIMESTAMP OPTIONS (
    description='Expected close date of the deal.'
  ),
  `group` INT64 OPTIONS (
    description='Deal\'s pipeline id.'
  ),
  `hash` STRING OPTIONS (
    description='Unique hash identifier for the deal.'
  ),
  is_disabled BOOL OPTIONS (
    description='Whether the deal is marked as disabled/archived.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the deal was last modified.'
  ),
  next_task INT64 OPTIONS (
    description='Upcoming task ID associated to the deal.'
  ),
  nextdate TIMESTAMP OPTIONS (
    description='Date of the next scheduled activity.'
  ),
  nextdealid INT64 OPTIONS (
    description='ID of the next deal in sequence.'
  ),
  nexttaskid INT64 OPTIONS (
    description='ID of the next task linked to the deal.'
  ),
  `organization` INT64 OPTIONS (
    description='Organization ID tied to the deal.'
  ),
  owner INT64 OPTIONS (
    description='Deal\'s owner id.'
  ),
  `percent` FLOAT64 OPTIONS (
    description='Deal\'s percentage.'
  ),
  stage INT64 OPTIONS (
    description='Deal\'s stage id.'
  ),
  status INT64 OPTIONS (
    description='Deal\'s status.'
  ),
  title STRING OPTIONS (
    description='Deal\'s title.'
  ),
  value INT64 OPTIONS (
    description='Deal\'s value in cents'
  ),
  win_probability FLOAT64 OPTIONS (
    description='Current win probability percentage for the deal.'
  ),
  win_probability_mdate TIMESTAMP OPTIONS (
    description='When win probability was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Deals managed in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_activities (
  id INT64 NOT NULL OPTIONS (
    description='Activity ID.'
  ),
  automation INT64 OPTIONS (
    description='Automation ID related to the activity.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the activity occurred.'
  ),
  d_id INT64 OPTIONS (
    description='Deal id'
  ),
  d_stageid INT64 OPTIONS (
    description='Stage ID of the deal at the time of the activity.'
  ),
  data_action STRING OPTIONS (
    description='Action type recorded in the activity.'
  ),
  data_id INT64 OPTIONS (
    description='Identifier of the entity affected by the action.'
  ),
  data_oldval STRING OPTIONS (
    description='Previous value before the change.'
  ),
  data_type STRING OPTIONS (
    description='Entity type involved in the activity (e.g., contact or deal).'
  ),
  deleted INT64 OPTIONS (
    description='Indicates if the activity marks a deletion (1) or not (0).'
  ),
  is_addtask INT64 OPTIONS (
    description='Whether the activity adds a task (1) or not (0).'
  ),
  seriesid INT64 OPTIONS (
    description='Series ID if the activity belongs to a sequence.'
  ),
  sortdate TIMESTAMP OPTIONS (
    description='Date used for sorting activities.'
  ),
  stage INT64 OPTIONS (
    description='Name or ID of the deal stage involved.'
  ),
  userid INT64 OPTIONS (
    description='User who performed the activity.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Activity logs for deals in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_custom_field_data (
  id INT64 NOT NULL OPTIONS (
    description='Custom field value ID.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the custom field value was created.'
  ),
  custom_field_currency_type STRING OPTIONS (
    description='Currency code used in the field value.'
  ),
  custom_field_currency_value FLOAT64 OPTIONS (
    description='Monetary amount stored for the field.'
  ),
  custom_field_date_value TIMESTAMP OPTIONS (
    description='Date value stored for the field.'
  ),
  custom_field_id INT64 OPTIONS (
    description='ID of the custom field metadata.'
  ),
  custom_field_number_value FLOAT64 OPTIONS (
    description='Numeric value stored for the field.'
  ),
  custom_field_text_blob STRING OPTIONS (
    description='Long text content stored for the field.'
  ),
  custom_field_text_value STRING OPTIONS (
    description='Text value stored for the field.'
  ),
  deal_custom_field_metum INT64 OPTIONS (
    description='Alias name of the custom field.'
  ),
  deal_id INT64 OPTIONS (
    description='ID of the deal the value belongs to.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the custom field value was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Deal custom field values in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_custom_field_meta (
  id INT64 NOT NULL OPTIONS (
    description='Custom field ID.'
  ),
  created_by INT64 OPTIONS (
    description='User who created the field.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the field was created.'
  ),
  display_order INT64 OPTIONS (
    description='Order for displaying the field on Manage Fields page and deal profiles'
  ),
  field_default STRING OPTIONS (
    description='Default value of the field'
  ),
  field_default_currency STRING OPTIONS (
    description='The 3-letter currency code of the default currency for the field.'
  ),
  field_label STRING OPTIONS (
    description='Name of the field'
  ),
  field_options STRING OPTIONS (
    description='Options for the field.'
  ),
  field_type STRING OPTIONS (
    description='Type of field. Possible values are: text, textarea, date, datetime, dropdown, multiselect, radio, checkbox, hidden, currency, or number.'
  ),
  hide_field_flag INT64 OPTIONS (
    description='Whether the field is hidden (1) or visible (0).'
  ),
  is_form_visible INT64 OPTIONS (
    description='Whether or not the field is visible on forms'
  ),
  is_required INT64 OPTIONS (
    description='Whether the field is required (1) or optional (0).'
  ),
  known_field_id INT64 OPTIONS (
    description='Identifier when the field maps to a predefined field.'
  ),
  personalization STRING OPTIONS (
    description='Personalization tag for using the field in messages.'
  ),
  updated_by INT64 OPTIONS (
    description='User who last updated the field.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the field was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Deal custom field metadata in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_secondary_contacts (
  id INT64 NOT NULL OPTIONS (
    description='Association ID between deal and secondary contact.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the secondary contact was added.'
  ),
  contact INT64 OPTIONS (
    description='Contact\'s id'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the record was created.'
  ),
  deal INT64 OPTIONS (
    description='Deal\'s id'
  ),
  role STRING OPTIONS (
    description='Role of the contact on the deal.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Secondary contacts linked to deals in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_tasks (
  id INT64 NOT NULL OPTIONS (
    description='Task ID.'
  ),
  assigned_date TIMESTAMP OPTIONS (
    description='When the task was assigned.'
  ),
  assignee INT64 OPTIONS (
    description='The id of an user the task is assigned to'
  ),
  automation STRING OPTIONS (
    description='Automation identifier associated to the task.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the task was created.'
  ),
  created_utc_timestamp TIMESTAMP OPTIONS (
    description='When the task was created (the API sends account-local time despite the name).'
  ),
  donedate TIMESTAMP OPTIONS (
    description='When the task was completed.'
  ),
  deal_tasktype INT64 OPTIONS (
    description='The type of the task based on the available Task Types in the account'
  ),
  done_automation STRING OPTIONS (
    description='Id of an automation that will be triggered when the task is completed.'
  ),
  done_by INT64 OPTIONS (
    description='User who completed the task.'
  ),
  done_utc_timestamp TIMESTAMP OPTIONS (
    description='When the task was completed (the API sends account-local time despite the name).'
  ),
  duedate TIMESTAMP OPTIONS (
    description='Due date of the task'
  ),
  duration FLOAT64 OPTIONS (
    description='Duration of the task.'
  ),
  edate TIMESTAMP OPTIONS (
    description='Due date of the task.'
  ),
  note STRING OPTIONS (
    description='The content describing the task'
  ),
  outcome_id INT64 OPTIONS (
    description='Outcome selected when completing the task.'
  ),
  outcome_info STRING OPTIONS (
    description='Extra information about the task outcome.'
  ),
  owner_type STRING OPTIONS (
    description='Title of the related object (deal).'
  ),
  relid INT64 OPTIONS (
    description='Id of relational object'
  ),
  status INT64 OPTIONS (
    description='Task status means complete or incomplete. 1 is complete and 0 is incomplete.'
  ),
  title STRING OPTIONS (
    description='The title of the task'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the task was last updated.'
  ),
  updated_utc_timestamp TIMESTAMP OPTIONS (
    description='When the task was last updated (the API sends account-local time despite the name).'
  ),
  `user` INT64 OPTIONS (
    description='User responsible for the task.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Tasks linked to deals in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.lists (
  id INT64 NOT NULL OPTIONS (
    description='List ID.'
  ),
  analytics_domains STRING OPTIONS (
    description='Analytics domains configured for the list.'
  ),
  analytics_source STRING OPTIONS (
    description='Analytics source identifier for the list.'
  ),
  analytics_ua STRING OPTIONS (
    description='Analytics user agent or tracking ID.'
  ),
  carboncopy STRING OPTIONS (
    description='Comma-separated list of email addresses to send a copy of all mailings to upon send'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the list was created.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the list record was created.'
  ),
  deletestamp STRING OPTIONS (
    description='Raw deletion marker for the list.'
  ),
  facebook_session STRING OPTIONS (
    description='Stored Facebook session data for the list.'
  ),
  fulladdress STRING OPTIONS (
    description='Full sender address text.'
  ),
  get_unsubscribe_reason INT64 OPTIONS (
    description='Flag to collect unsubscribe reasons.'
  ),
  name STRING OPTIONS (
    description='Name of the list to create'
  ),
  optinmessageid INT64 OPTIONS (
    description='Confirmation message ID used for opt-in.'
  ),
  optinoptout INT64 OPTIONS (
    description='Opt-in or opt-out mode indicator.'
  ),
  optoutconf INT64 OPTIONS (
    description='Flag to confirm opt-out actions.'
  ),
  p_embed_image INT64 OPTIONS (
    description='Embed images in emails flag.'
  ),
  p_use_analytics_link INT64 OPTIONS (
    description='Enable analytics tracking on links.'
  ),
  p_use_analytics_read INT64 OPTIONS (
    description='Enable analytics for email opens.'
  ),
  p_use_captcha INT64 OPTIONS (
    description='Flag to require captcha on forms.'
  ),
  p_use_facebook INT64 OPTIONS (
    description='Enable Facebook integration for the list.'
  ),
  p_use_tracking INT64 OPTIONS (
    description='General tracking flag for the list.'
  ),
  p_use_twitter INT64 OPTIONS (
    description='Enable Twitter integration for the list.'
  ),
  private INT64 OPTIONS (
    description='Flag indicating if the list is private.'
  ),
  require_name INT64 OPTIONS (
    description='Flag requiring subscriber name on forms.'
  ),
  send_last_broadcast INT64 OPTIONS (
    description='Value indicating whether or not to send the last sent campaign to this list to a new subscriber upon subscribing. 1 = yes, 0 = no'
  ),
  sender_addr1 STRING OPTIONS (
    description='Sender address line 1.'
  ),
  sender_addr2 STRING OPTIONS (
    description='Sender address line 2.'
  ),
  sender_city STRING OPTIONS (
    description='Sender city.'
  ),
  sender_country STRING OPTIONS (
    description='Sender country.'
  ),
  sender_name STRING OPTIONS (
    description='Sender name displayed in emails.'
  ),
  sender_phone STRING OPTIONS (
    description='Sender phone number.'
  ),
  sender_reminder STRING OPTIONS (
    description='A reminder for your contacts as to why they are on this list and you are messaging them.'
  ),
  sender_state STRING OPTIONS (
    description='State or region of the sender.'
  ),
  sender_url STRING OPTIONS (
    description='The website URL this list is for.'
  ),
  sender_zip STRING OPTIONS (
    description='Sender ZIP or postal code.'
  ),
  stringid STRING OPTIONS (
    description='URL-safe list name. Example: \'list-name-sample\''
  ),
  subscription_notify STRING OPTIONS (
    description='Comma-separated list of email addresses to notify when a new subscriber joins this list.'
  ),
  to_name STRING OPTIONS (
    description='Value used to personalize the recipient name.'
  ),
  udate STRING OPTIONS (
    description='Raw update marker for the list.'
  ),
  unsubscription_notify STRING OPTIONS (
    description='Comma-separated list of email addresses to notify when a subscriber unsubscribes from this list.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the list record was last updated.'
  ),
  `user` INT64 OPTIONS (
    description='User Id of the list owner.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Lists configured in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.list_contacts (
  id INT64 NOT NULL OPTIONS (
    description='Contact ID.'
  ),
  automation STRING OPTIONS (
    description='Automation ID linked to the list action.'
  ),
  autosync_log STRING OPTIONS (
    description='Metadata from automatic sync related to the list activity.'
  ),
  campaign STRING OPTIONS (
    description='Campaign ID tied to the list action.'
  ),
  contact INT64 OPTIONS (
    description='Contact ID linked to the list record.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the list activity was created.'
  ),
  first_name STRING OPTIONS (
    description='First name captured in the activity.'
  ),
  form STRING OPTIONS (
    description='Form ID used in the list action.'
  ),
  ip4_sub STRING OPTIONS (
    description='IPv4 address used when subscribing.'
  ),
  ip4_unsub STRING OPTIONS (
    description='IPv4 address used when unsubscribing.'
  ),
  ip4_last STRING OPTIONS (
    description='Last IPv4 address recorded for the list activity.'
  ),
  last_name STRING OPTIONS (
    description='Last name captured in the activity.'
  ),
  list INT64 OPTIONS (
    description='List ID related to the contact action.'
  ),
  message STRING OPTIONS (
    description='Message text tied to the list activity.'
  ),
  responder INT64 OPTIONS (
    description='Flag indicating the action came from an auto-responder.'
  ),
  sdate TIMESTAMP OPTIONS (
    description='Date recorded for the list action.'
  ),
  seriesid INT64 OPTIONS (
    description='Identifier for the list automation series.'
  ),
  status INT64 OPTIONS (
    description='Status in the list: 0 unconfirmed, 1 subscribed, 2 unsubscribed, 3 bounced.'
  ),
  sync INT64 OPTIONS (
    description='Flag indicating if the activity came from a sync.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  unsubreason STRING OPTIONS (
    description='Reason provided for unsubscribing.'
  ),
  unsubscribe_automation STRING OPTIONS (
    description='Automation triggered on unsubscribe.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the activity record was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Associations between contacts and lists in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.pipelines (
  id INT64 NOT NULL OPTIONS (
    description='Pipeline ID.'
  ),
  allgroups INT64 OPTIONS (
    description='Flag for visibility to all groups (1 true, 0 false).'
  ),
  allusers INT64 OPTIONS (
    description='Flag for visibility to all users (1 true, 0 false).'
  ),
  autoassign INT64 OPTIONS (
    description='Auto-assign setting for deals in this pipeline.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the pipeline was created.'
  ),
  currency STRING OPTIONS (
    description='Currency code used in the pipeline.'
  ),
  source STRING OPTIONS (
    description='Field shown in card region 4.'
  ),
  stages STRING OPTIONS (
    description='Field shown in card region 5.'
  ),
  title STRING OPTIONS (
    description='Title of the pipeline.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the pipeline was last updated.'
  ),
  win_probability_initialize_date TIMESTAMP OPTIONS (
    description='When win probability calculations were initialized for the pipeline.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Deal pipelines configured in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_stages (
  `group` INT64 OPTIONS (
    description='Pipeline ID.'
  ),
  id INT64 NOT NULL OPTIONS (
    description='Stage id'
  ),
  card_region1 STRING OPTIONS (
    description='Field shown in card region 1.'
  ),
  card_region2 STRING OPTIONS (
    description='Field shown in card region 2.'
  ),
  card_region3 STRING OPTIONS (
    description='Field shown in card region 3.'
  ),
  card_region4 STRING OPTIONS (
    description='Field shown in card region 4.'
  ),
  card_region5 STRING OPTIONS (
    description='Field shown in card region 5.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the stage was created.'
  ),
  color STRING OPTIONS (
    description='Hex color used to display the stage.'
  ),
  deal_order STRING OPTIONS (
    description='Default ordering of deals inside the stage.'
  ),
  `order` INT64 OPTIONS (
    description='Position of the stage within the pipeline.'
  ),
  title STRING OPTIONS (
    description='Title of the stage.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the stage was last updated.'
  ),
  width INT64 OPTIONS (
    description='Column width for the stage in the board view.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Deal stages within each pipeline.'
);

CREATE TABLE IF NOT EXISTS activecampaign.scores (
  id INT64 NOT NULL OPTIONS (
    description='Score ID.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the score was created.'
  ),
  descript STRING OPTIONS (
    description='Description of the score.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the score was last modified.'
  ),
  name STRING OPTIONS (
    description='Score name'
  ),
  reltype STRING OPTIONS (
    description='Entity type the score applies to (contact or deal).'
  ),
  status INT64 OPTIONS (
    description='Status of the score (1 active, 0 inactive).'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Scoring configurations applied to contacts or deals in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.task_outcomes (
  id INT64 NOT NULL OPTIONS (
    description='Outcome id'
  ),
  created_by INT64 OPTIONS (
    description='User who created the outcome.'
  ),
  created_utc_timestamp TIMESTAMP OPTIONS (
    description='When the outcome was created (the API sends account-local time despite the name).'
  ),
  disabled INT64 OPTIONS (
    description='1 for disabled outcome, 0 for active.'
  ),
  sentiment STRING OPTIONS (
    description='Outcome sentiment (POSITIVE, NEGATIVE or NEUTRAL).'
  ),
  title STRING OPTIONS (
    description='Outcome title.'
  ),
  updated_by INT64 OPTIONS (
    description='User who last updated the outcome.'
  ),
  updated_utc_timestamp TIMESTAMP OPTIONS (
    description='When the outcome was last updated (the API sends account-local time despite the name).'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='ActiveCampaign task outcomes with sentiment and audit details.'
);

CREATE TABLE IF NOT EXISTS activecampaign.task_types (
  id INT64 NOT NULL OPTIONS (
    description='Task type id'
  ),
  cdate TIMESTAMP OPTIONS (
    description='Datetime when the task type was created.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user; \'0\' or None for predefined fields.'
  ),
  created_utc_timestamp TIMESTAMP OPTIONS (
    description='Creation datetime in UTC.'
  ),
  defduration FLOAT64 OPTIONS (
    description='Default duration for the task type.'
  ),
  display_order INT64 OPTIONS (
    description='Order to display the task type.'
  ),
  status INT64 OPTIONS (
    description='Status indicator for the task type.'
  ),
  title STRING OPTIONS (
    description='Task type title.'
  ),
  udate TIMESTAMP OPTIONS (
    description='Last update datetime of the task type.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the task type.'
  ),
  updated_utc_timestamp TIMESTAMP OPTIONS (
    description='Update datetime in UTC.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='ActiveCampaign task types with metadata and audit info.'
);

CREATE TABLE IF NOT EXISTS activecampaign.task_type_outcomes (
  tasktype_id INT64 NOT NULL OPTIONS (
    description='Task type id'
  ),
  outcome_id INT64 NOT NULL OPTIONS (
    description='Task outcome id'
  ),
  display_order INT64 OPTIONS (
    description='Display order for the outcome.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (tasktype_id, outcome_id) NOT ENFORCED
)
OPTIONS (
  description='Outcomes available for each task type.'
);

CREATE TABLE IF NOT EXISTS activecampaign.user_groups (
  id INT64 NOT NULL OPTIONS (
    description='Group ID.'
  ),
  descript STRING OPTIONS (
    description='Group description'
  ),
  optinconfirm INT64 OPTIONS (
    description='Whether or not to force optin confirm for this group'
  ),
  p_admin INT64 OPTIONS (
    description='Admin privileges flag for the group.'
  ),
  pg_account_add INT64 OPTIONS (
    description='Permission to add accounts.'
  ),
  pg_account_delete INT64 OPTIONS (
    description='Permission to delete accounts.'
  ),
  pg_account_edit INT64 OPTIONS (
    description='Permission to edit accounts.'
  ),
  pg_account_export INT64 OPTIONS (
    description='Permission to export accounts.'
  ),
  pg_account_import INT64 OPTIONS (
    description='Permission to import accounts.'
  ),
  pg_account_manage_custom_field INT64 OPTIONS (
    description='Permission to manage account custom fields.'
  ),
  pg_account_note_add INT64 OPTIONS (
    description='Permission to add account notes.'
  ),
  pg_account_note_delete INT64 OPTIONS (
    description='Permission to delete account notes.'
  ),
  pg_account_note_edit INT64 OPTIONS (
    description='Permission to edit account notes.'
  ),
  pg_automation_manage INT64 OPTIONS (
    description='Permission for manage automations'
  ),
  pg_contact_actions INT64 OPTIONS (
    description='Permission for managing contact actions'
  ),
  pg_contact_add INT64 OPTIONS (
    description='Permission for adding contacts'
  ),
  pg_contact_approve INT64 OPTIONS (
    description='Permission for approving contacts'
  ),
  pg_contact_delete INT64 OPTIONS (
    description='Permission for deleting contacts'
  ),
  pg_contact_edit INT64 OPTIONS (
    description='Permission for editing contacts'
  ),
  pg_contact_export INT64 OPTIONS (
    description='Permission for exporting contacts'
  ),
  pg_contact_fields INT64 OPTIONS (
    description='Permission for managing contact custom fields'
  ),
  pg_contact_filters INT64 OPTIONS (
    description='Permission for managing contact list segments'
  ),
  pg_contact_import INT64 OPTIONS (
    description='Permission for importing contacts'
  ),
  pg_contact_merge INT64 OPTIONS (
    description='Permission for merging contacts'
  ),
  pg_contact_resubscribe INT64 OPTIONS (
    description='Permission to resubscribe contacts.'
  ),
  pg_contact_sync INT64 OPTIONS (
    description='Permission for syncing contacts'
  ),
  pg_deal INT64 OPTIONS (
    description='Permission for viewing deals'
  ),
  pg_deal_delete INT64 OPTIONS (
    description='Permission for deleting deals'
  ),
  pg_deal_export INT64 OPTIONS (
    description='Permission to export deals.'
  ),
  pg_deal_fields INT64 OPTIONS (
    description='Permission to manage deal fields.'
  ),
  pg_deal_group_add INT64 OPTIONS (
    description='Permission for adding deal groups'
  ),
  pg_deal_group_delete INT64 OPTIONS (
    description='Permission for deleting deals groups'
  ),
  pg_deal_group_edit INT64 OPTIONS (
    description='Permission for editing deal groups'
  ),
  pg_deal_import INT64 OPTIONS (
    description='Permission to import deals.'
  ),
  pg_deal_list_all INT64 OPTIONS (
    description='Permission to list all deals.'
  ),
  pg_deal_manage_roles INT64 OPTIONS (
    description='Permission to manage deal roles.'
  ),
  pg_deal_note_add INT64 OPTIONS (
    description='Permission to add deal notes.'
  ),
  pg_deal_note_delete INT64 OPTIONS (
    description='Permission to delete deal notes.'
  ),
  pg_deal_note_edit INT64 OPTIONS (
    description='Permission to edit deal notes.'
  ),
  pg_deal_reassign INT64 OPTIONS (
    description='Permission for reassigning deals'
  ),
  pg_form_edit INT64 OPTIONS (
    description='Permission for editing subscription forms'
  ),
  pg_group_add INT64 OPTIONS (
    description='Permission for adding groups'
  ),
  pg_group_delete INT64 OPTIONS (
    description='Permission for deleting groups'
  ),
  pg_group_edit INT64 OPTIONS (
    description='Permission for adding groups'
  ),
  pg_landing_pages_access INT64 OPTIONS (
    description='Permission to access landing pages.'
  ),
  pg_list_add INT64 OPTIONS (
    description='Permission for adding lists'
  ),
  pg_list_bounce INT64 OPTIONS (
    description='Permission for accessing list bounce settings'
  ),
  pg_list_delete INT64 OPTIONS (
    description='Permission for deleting lists'
  ),
  pg_list_edit INT64 OPTIONS (
    description='Permission for editing lists'
  ),
  pg_list_emailaccount INT64 OPTIONS (
    description='Permission for managing Unsubscribe By Email'
  ),
  pg_list_headers INT64 OPTIONS (
    description='Permission for managing custom email headers'
  ),
  pg_message_add INT64 OPTIONS (
    description='Permission for adding messages'
  ),
  pg_message_delete INT64 OPTIONS (
    description='Permission for deleting messages'
  ),
  pg_message_edit INT64 OPTIONS (
    description='Permission for editing messages'
  ),
  pg_message_send INT64 OPTIONS (
    description='Permission for sending messages'
  ),
  pg_mfa_admin INT64 OPTIONS (
    description='Permission to administer multi-factor settings.'
  ),
  pg_personalization_add INT64 OPTIONS (
    description='Permission for adding personalization tags'
  ),
  pg_personalization_delete INT64 OPTIONS (
    description='Permission for editing personalization tags'
  ),
  pg_personalization_edit INT64,
  pg_reports_campaign INT64 OPTIONS (
    description='Permission for viewing campaign reports'
  ),
  pg_reports_deal INT64 OPTIONS (
    description='Permission to view deal reports.'
  ),
  pg_reports_list INT64 OPTIONS (
    description='Permission for viewing list reports'
  ),
  pg_reports_trend INT64 OPTIONS (
    description='Permission for viewing trend reports'
  ),
  pg_reports_user INT64 OPTIONS (
    description='Permission for viewing user reports'
  ),
  pg_saved_responses_manage INT64 OPTIONS (
    description='Permission for managing saved responses'
  ),
  pg_startup_gettingstarted INT64 OPTIONS (
    description='Whether or not to show the (getting started) tutorial on overview page'
  ),
  pg_startup_reports INT64 OPTIONS (
    description='Campaign ID of last campaign report viewed to decide whether to show link on startup'
  ),
  pg_tag_manage INT64 OPTIONS (
    description='Permission for managing tags'
  ),
  pg_template_add INT64 OPTIONS (
    description='Permission for adding templates'
  ),
  pg_template_delete INT64 OPTIONS (
    description='Permission for deleting templates'
  ),
  pg_template_edit INT64 OPTIONS (
    description='Permission for editing templates'
  ),
  pg_web_personalization_manage INT64 OPTIONS (
    description='Permission to manage web personalization.'
  ),
  pg_user_add INT64 OPTIONS (
    description='Permission for adding users'
  ),
  pg_user_delete INT64 OPTIONS (
    description='Permission for deleting users'
  ),
  pg_user_edit INT64 OPTIONS (
    description='Permission for editing users'
  ),
  req_approval INT64 OPTIONS (
    description='Whether or not this group requires all campaigns to be approved'
  ),
  req_approval1st INT64 OPTIONS (
    description='Whether or not this group requires first campaign to be approved'
  ),
  req_approval_notify STRING OPTIONS (
    description='Who to notify for approval related issues (email)'
  ),
  sdate TIMESTAMP OPTIONS (
    description='When the group was created.'
  ),
  socialdata INT64 OPTIONS (
    description='Whether or not to show social links in campaigns sent from this group'
  ),
  title STRING OPTIONS (
    description='Title of the group'
  ),
  unsubscribelink INT64 OPTIONS (
    description='Whether or not to force unsubscribe links'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='User permission groups in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.users (
  id INT64 NOT NULL OPTIONS (
    description='User ID.'
  ),
  username STRING OPTIONS (
    description='Username'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the user account was created.'
  ),
  email STRING OPTIONS (
    description='Email address'
  ),
  first_name STRING OPTIONS (
    description='First name'
  ),
  lang STRING OPTIONS (
    description='Preferred language of the user.'
  ),
  last_name STRING OPTIONS (
    description='Last name'
  ),
  local_zoneid STRING OPTIONS (
    description='Local timezone of the user.'
  ),
  mfa_enabled INT64 OPTIONS (
    description='Flag indicating if MFA is enabled (1) or not (0).'
  ),
  password_updated_utc_timestamp TIMESTAMP OPTIONS (
    description='When the user password was last updated (the API sends account-local time despite the name).'
  ),
  phone STRING OPTIONS (
    description='Phone number of the user.'
  ),
  signature STRING OPTIONS (
    description='Email signature of the user.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the user record was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Users configured in ActiveCampaign.'
);

CREATE TABLE IF NOT EXISTS activecampaign.user_group_memberships (
  userid INT64 NOT NULL OPTIONS (
    description='User ID replicated for the group membership.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the user was added to the group.'
  ),
  groupid INT64 NOT NULL OPTIONS (
    description='Group id'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the membership was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (userid, groupid) NOT ENFORCED
)
OPTIONS (
  description='Groups associated to users.'
);

CREATE TABLE IF NOT EXISTS activecampaign.tags (
  id INT64 NOT NULL OPTIONS (
    description='Tag ID.'
  ),
  `tag` STRING OPTIONS (
    description='Tag name.'
  ),
  tag_type STRING OPTIONS (
    description='Kind of tag: contact or template.'
  ),
  description STRING OPTIONS (
    description='Tag description (often empty).'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the tag was created.'
  ),
  subscriber_count INT64 OPTIONS (
    description='Number of contacts carrying the tag.'
  ),
  deleted INT64 OPTIONS (
    description='1 if the tag is marked deleted.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the tag record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the tag record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the tag (null or 0 when unknown).'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the tag.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Every tag of the account, including tags no contact carries and template tags.'
);

CREATE TABLE IF NOT EXISTS activecampaign.campaign_links (
  id INT64 NOT NULL OPTIONS (
    description='Link ID.'
  ),
  campaignid INT64 OPTIONS (
    description='ID of the campaign the link belongs to.'
  ),
  messageid INT64 OPTIONS (
    description='ID of the message the link is in (0 = every message of the campaign).'
  ),
  link STRING OPTIONS (
    description='The tracked URL, or \'open\' for the read tracker.'
  ),
  name STRING OPTIONS (
    description='Link name, e.g. Read Tracker.'
  ),
  ref STRING OPTIONS (
    description='Reference text of the link (often empty).'
  ),
  tracked INT64 OPTIONS (
    description='1 if clicks on the link are tracked.'
  ),
  linkclicks INT64 OPTIONS (
    description='Number of clicks on the link.'
  ),
  uniquelinkclicks INT64 OPTIONS (
    description='Number of contacts who clicked the link.'
  ),
  campaign INT64 OPTIONS (
    description='Campaign relation (the same id as campaignid).'
  ),
  message INT64 OPTIONS (
    description='Message relation (null where messageid is 0).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the link was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the link was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the link.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the link.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Tracked links of campaign messages (the open tracker and every tracked click URL), with click counts.'
);

CREATE TABLE IF NOT EXISTS activecampaign.campaign_lists (
  id INT64 NOT NULL OPTIONS (
    description='Campaign-list relation ID.'
  ),
  campaignid INT64 OPTIONS (
    description='ID of the campaign.'
  ),
  listid INT64 OPTIONS (
    description='ID of the list the campaign was sent to.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user who set up the campaign.'
  ),
  list_amt INT64 OPTIONS (
    description='Number of the list\'s contacts the campaign was sent to.'
  ),
  name STRING OPTIONS (
    description='Name of the list when the campaign was sent.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the relation was created.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the relation was last updated.'
  ),
  campaign INT64 OPTIONS (
    description='Campaign relation (the same id as campaignid).'
  ),
  list INT64 OPTIONS (
    description='List relation (the same id as listid).'
  ),
  `user` INT64 OPTIONS (
    description='User relation (the same id as userid).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the relation record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the relation record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the relation.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the relation.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='The lists each campaign was sent to, one row per campaign and list.'
);

CREATE TABLE IF NOT EXISTS activecampaign.field_rels (
  id INT64 NOT NULL OPTIONS (
    description='Field-list relation ID.'
  ),
  field INT64 OPTIONS (
    description='ID of the custom field.'
  ),
  relid INT64 OPTIONS (
    description='ID of the list the field belongs to (0 = every list).'
  ),
  dorder INT64 OPTIONS (
    description='Display order of the field on the list.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the relation was created.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Which lists each contact custom field belongs to (relid 0 = every list).'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_group_users (
  id INT64 NOT NULL OPTIONS (
    description='Pipeline-user relation ID.'
  ),
  deal_group INT64 OPTIONS (
    description='ID of the pipeline.'
  ),
  `user` INT64 OPTIONS (
    description='ID of the user.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the user was given the pipeline.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the relation record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the relation record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the relation.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the relation.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='The users who may work with each deal pipeline.'
);

CREATE TABLE IF NOT EXISTS activecampaign.templates (
  id INT64 NOT NULL OPTIONS (
    description='Template ID.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning the template.'
  ),
  ed_instanceid INT64 OPTIONS (
    description='Editor instance ID.'
  ),
  ed_version INT64 OPTIONS (
    description='Editor version.'
  ),
  name STRING OPTIONS (
    description='Template name.'
  ),
  subject STRING OPTIONS (
    description='Default subject line (null when unset).'
  ),
  content STRING OPTIONS (
    description='Template content (HTML).'
  ),
  categoryid INT64 OPTIONS (
    description='ID of the template category.'
  ),
  used INT64 OPTIONS (
    description='How many times the template was used.'
  ),
  waitpreview INT64 OPTIONS (
    description='1 while the preview is being made.'
  ),
  importnum INT64 OPTIONS (
    description='Import number (0 unless imported).'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the template was last modified.'
  ),
  preview_content STRING OPTIONS (
    description='Preview content (null when none).'
  ),
  modified INT64 OPTIONS (
    description='1 if the template was modified after creation.'
  ),
  hidden INT64 OPTIONS (
    description='1 if the template is hidden.'
  ),
  screenshot STRING OPTIONS (
    description='URL of the template\'s screenshot.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='E-mail templates of the account, with their content.'
);

CREATE TABLE IF NOT EXISTS activecampaign.bounce_logs (
  id INT64 NOT NULL OPTIONS (
    description='Bounce log ID.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the bounce happened.'
  ),
  bounceid INT64 OPTIONS (
    description='ID of the bounce setting that handled it.'
  ),
  subscriberid INT64 OPTIONS (
    description='ID of the contact.'
  ),
  campaignid INT64 OPTIONS (
    description='ID of the campaign.'
  ),
  messageid INT64 OPTIONS (
    description='ID of the message.'
  ),
  codeid INT64 OPTIONS (
    description='ID of the bounce code.'
  ),
  email STRING OPTIONS (
    description='The address that bounced.'
  ),
  error STRING OPTIONS (
    description='Error text (often empty).'
  ),
  source STRING OPTIONS (
    description='The returned message\'s headers and text.'
  ),
  bounce INT64 OPTIONS (
    description='Bounce setting relation (the same id as bounceid).'
  ),
  contact INT64 OPTIONS (
    description='Contact relation (the same id as subscriberid).'
  ),
  campaign INT64 OPTIONS (
    description='Campaign relation (the same id as campaignid).'
  ),
  message INT64 OPTIONS (
    description='Message relation (the same id as messageid).'
  ),
  code INT64 OPTIONS (
    description='Bounce code relation (the same id as codeid).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the bounce log was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the bounce log was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the log (null for bounces).'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the log.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Every bounce of a campaign e-mail, with the bounce code and the returned message.'
);

CREATE TABLE IF NOT EXISTS activecampaign.goals (
  id INT64 NOT NULL OPTIONS (
    description='Goal ID.'
  ),
  seriesid INT64 OPTIONS (
    description='ID of the automation the goal is in.'
  ),
  blockid INT64 OPTIONS (
    description='ID of the automation step (block) of the goal.'
  ),
  name STRING OPTIONS (
    description='Goal name.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the goal was created.'
  ),
  dirty_stats INT64 OPTIONS (
    description='1 while the goal\'s statistics wait to be recounted.'
  ),
  automation INT64 OPTIONS (
    description='Automation relation (the same id as seriesid).'
  ),
  automation_block INT64 OPTIONS (
    description='Automation step relation (the same id as blockid).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the goal record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the goal record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the goal.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the goal.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Automation goals (the goal steps of automations).'
);

CREATE TABLE IF NOT EXISTS activecampaign.conversions (
  id INT64 NOT NULL OPTIONS (
    description='Conversion ID.'
  ),
  name STRING OPTIONS (
    description='Conversion name.'
  ),
  value INT64 OPTIONS (
    description='Value of one conversion, in the currency\'s whole units.'
  ),
  currency STRING OPTIONS (
    description='Currency code of the value, e.g. usd.'
  ),
  `limit` INT64 OPTIONS (
    description='How many times a contact may convert (0 = no limit).'
  ),
  enforcelimit INT64 OPTIONS (
    description='1 if the limit is enforced.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the conversion was created.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the conversion was last updated.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the conversion record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the conversion record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the conversion.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the conversion.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Conversions (attribution goals such as a purchase), with their value and limit.'
);

CREATE TABLE IF NOT EXISTS activecampaign.conversion_triggers (
  id INT64 NOT NULL OPTIONS (
    description='Conversion trigger ID.'
  ),
  conversion INT64 OPTIONS (
    description='ID of the conversion the trigger counts for.'
  ),
  trigger_type STRING OPTIONS (
    description='Kind of trigger, e.g. visit, event or automation.'
  ),
  modifier STRING OPTIONS (
    description='How value is matched, e.g. is or contains.'
  ),
  value STRING OPTIONS (
    description='What is matched: a URL, an event name, ...'
  ),
  dynamic INT64 OPTIONS (
    description='1 if the conversion value comes from the trigger.'
  ),
  retroactive INT64 OPTIONS (
    description='1 if earlier matching activity counts too.'
  ),
  automation_block INT64 OPTIONS (
    description='ID of the automation step of the trigger (0 = none).'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the trigger was created.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the trigger was last updated.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the trigger record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the trigger record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the trigger.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the trigger.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='What counts as a conversion (a page visit, an event, an automation step), per conversion.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_emails (
  id INT64 NOT NULL OPTIONS (
    description='Contact e-mail ID.'
  ),
  subscriberid INT64 OPTIONS (
    description='ID of the contact.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user who sent it.'
  ),
  d_id INT64 OPTIONS (
    description='ID of the deal it was sent from (0 = none).'
  ),
  messageid INT64 OPTIONS (
    description='ID of the e-mail message.'
  ),
  seriesid INT64 OPTIONS (
    description='ID of the automation that sent it (0 = none).'
  ),
  `account` INT64 OPTIONS (
    description='ID of the contact\'s account (0 = none).'
  ),
  messageheader STRING OPTIONS (
    description='Headers of the sent message.'
  ),
  ip STRING OPTIONS (
    description='IP address it was sent from.'
  ),
  sdate TIMESTAMP OPTIONS (
    description='When it was sent.'
  ),
  source STRING OPTIONS (
    description='Where it was sent from, e.g. deal or contact.'
  ),
  contact INT64 OPTIONS (
    description='Contact relation (the same id as subscriberid).'
  ),
  `user` INT64 OPTIONS (
    description='User relation (the same id as userid).'
  ),
  deal INT64 OPTIONS (
    description='Deal relation (the same id as d_id; null when none).'
  ),
  message INT64 OPTIONS (
    description='Message relation (the same id as messageid).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the record.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the record.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='One-to-one e-mails users sent to contacts (from a contact or deal), one row per e-mail.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_data (
  id INT64 NOT NULL OPTIONS (
    description='Contact data ID.'
  ),
  contact INT64 OPTIONS (
    description='ID of the contact.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the data was last recorded.'
  ),
  geo_tstamp TIMESTAMP OPTIONS (
    description='When the location was looked up (null if never).'
  ),
  geo_ip4 STRING OPTIONS (
    description='IPv4 address the location comes from ("0" when none).'
  ),
  geo_country2 STRING OPTIONS (
    description='Two-letter country code.'
  ),
  geo_country STRING OPTIONS (
    description='Country name.'
  ),
  geo_state STRING OPTIONS (
    description='State or region.'
  ),
  geo_city STRING OPTIONS (
    description='City.'
  ),
  geo_zip STRING OPTIONS (
    description='Postal code.'
  ),
  geo_area INT64 OPTIONS (
    description='Area code (0 when none).'
  ),
  geo_lat FLOAT64 OPTIONS (
    description='Latitude.'
  ),
  geo_lon FLOAT64 OPTIONS (
    description='Longitude.'
  ),
  geo_tz STRING OPTIONS (
    description='Time zone name.'
  ),
  geo_tz_offset FLOAT64 OPTIONS (
    description='Time zone offset in hours.'
  ),
  ga_campaign_source STRING OPTIONS (
    description='Google Analytics campaign source.'
  ),
  ga_campaign_name STRING OPTIONS (
    description='Google Analytics campaign name.'
  ),
  ga_campaign_medium STRING OPTIONS (
    description='Google Analytics campaign medium.'
  ),
  ga_campaign_term STRING OPTIONS (
    description='Google Analytics campaign term.'
  ),
  ga_campaign_content STRING OPTIONS (
    description='Google Analytics campaign content.'
  ),
  ga_campaign_customsegment STRING OPTIONS (
    description='Google Analytics custom segment.'
  ),
  ga_first_visit TIMESTAMP OPTIONS (
    description='First visit Google Analytics saw (null if none).'
  ),
  ga_times_visited INT64 OPTIONS (
    description='Visits Google Analytics counted.'
  ),
  fb_id INT64 OPTIONS (
    description='Facebook id (0 when none).'
  ),
  fb_name STRING OPTIONS (
    description='Facebook name.'
  ),
  tw_id INT64 OPTIONS (
    description='Twitter id (0 when none).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the record (0 when none).'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the record.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Per contact, its geo-IP location, Google Analytics campaign and social ids.'
);

CREATE TABLE IF NOT EXISTS activecampaign.sms (
  id INT64 NOT NULL OPTIONS (
    description='SMS message ID.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning the message.'
  ),
  seriesid INT64 OPTIONS (
    description='ID of the automation sending it.'
  ),
  msg STRING OPTIONS (
    description='Message text.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the message was last saved.'
  ),
  tf_day STRING OPTIONS (
    description='Days of the week it may be sent on.'
  ),
  tf_hr_from INT64 OPTIONS (
    description='Hour from which it may be sent.'
  ),
  tf_hr_to INT64 OPTIONS (
    description='Hour until which it may be sent.'
  ),
  sent INT64 OPTIONS (
    description='Messages sent.'
  ),
  failed INT64 OPTIONS (
    description='Messages that failed.'
  ),
  unsubscribes INT64 OPTIONS (
    description='Unsubscribes it caused.'
  ),
  replies INT64 OPTIONS (
    description='Replies received.'
  ),
  uniquereplies INT64 OPTIONS (
    description='Contacts who replied.'
  ),
  sdate TIMESTAMP OPTIONS (
    description='When it was first sent (null if never).'
  ),
  ldate TIMESTAMP OPTIONS (
    description='When it was last sent (null if never).'
  ),
  `user` INT64 OPTIONS (
    description='User relation (the same id as userid).'
  ),
  automation INT64 OPTIONS (
    description='Automation relation (the same id as seriesid).'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the record was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the record was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the record.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the record.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='SMS messages that automations send, with their send window and counts.'
);

CREATE TABLE IF NOT EXISTS activecampaign.automations (
  id INT64 NOT NULL OPTIONS (
    description='Automation ID (seriesid in campaigns and segments).'
  ),
  name STRING OPTIONS (
    description='Automation name.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the automation was created.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the automation was last modified.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning the automation.'
  ),
  status INT64 OPTIONS (
    description='Status: 1 active, 2 inactive.'
  ),
  entered INT64 OPTIONS (
    description='Number of contacts that entered the automation.'
  ),
  exited INT64 OPTIONS (
    description='Number of contacts that exited the automation.'
  ),
  hidden INT64 OPTIONS (
    description='1 if the automation is hidden.'
  ),
  defaultscreenshot STRING OPTIONS (
    description='URL of the default screenshot.'
  ),
  screenshot STRING OPTIONS (
    description='URL of the screenshot.'
  ),
  description STRING OPTIONS (
    description='Description of the automation (null or empty when unset).'
  ),
  source INT64 OPTIONS (
    description='Flag for how the automation was created.'
  ),
  multientry INT64 OPTIONS (
    description='1 if a contact may enter more than once.'
  ),
  exit_on_unsubscribe INT64 OPTIONS (
    description='1 if a contact leaves the automation when unsubscribing.'
  ),
  exit_on_conversion INT64 OPTIONS (
    description='1 if a contact leaves the automation on conversion.'
  ),
  entitlements_violation INT64 OPTIONS (
    description='1 if the automation exceeds the plan\'s entitlements.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Automations (workflows) of the account, with entry and exit counts.'
);

CREATE TABLE IF NOT EXISTS activecampaign.forms (
  id INT64 NOT NULL OPTIONS (
    description='Form ID.'
  ),
  name STRING OPTIONS (
    description='Form name.'
  ),
  action STRING OPTIONS (
    description='Form action (often empty).'
  ),
  actiondata JSON OPTIONS (
    description='What submitting does: actions such as subscribing to a list or adding a tag.'
  ),
  submit STRING OPTIONS (
    description='What happens after submitting, e.g. show-thank-you.'
  ),
  submitdata JSON OPTIONS (
    description='Settings of the after-submit step (a redirect URL).'
  ),
  url STRING OPTIONS (
    description='Redirect URL.'
  ),
  layout STRING OPTIONS (
    description='Layout, e.g. inline-form.'
  ),
  title STRING OPTIONS (
    description='Form title.'
  ),
  body STRING OPTIONS (
    description='Form body text.'
  ),
  button STRING OPTIONS (
    description='Submit button label.'
  ),
  thanks STRING OPTIONS (
    description='Thank-you message.'
  ),
  style JSON OPTIONS (
    description='Style settings (colours, border, width, button).'
  ),
  options JSON OPTIONS (
    description='Options (overwrite blanks, confirmation, opt-in).'
  ),
  cfields JSON OPTIONS (
    description='Field definitions of the form.'
  ),
  parentformid INT64 OPTIONS (
    description='ID of the parent form (0 = none).'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning the form.'
  ),
  addressid INT64 OPTIONS (
    description='ID of the sender address (0 = none).'
  ),
  address INT64 OPTIONS (
    description='Sender address relationship (null when none).'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the form was created.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the form was last updated.'
  ),
  entries INT64 OPTIONS (
    description='Number of submissions.'
  ),
  aid INT64 OPTIONS (
    description='Undocumented id (0 or null).'
  ),
  defaultscreenshot STRING OPTIONS (
    description='URL of the form\'s screenshot.'
  ),
  recent JSON OPTIONS (
    description='Recent submissions (usually an empty array).'
  ),
  contacts INT64 OPTIONS (
    description='Contacts count reported for the form.'
  ),
  deals INT64 OPTIONS (
    description='Deals count reported for the form.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Subscription forms, with what submitting them does and how often they were submitted.'
);

CREATE TABLE IF NOT EXISTS activecampaign.segments (
  id INT64 NOT NULL OPTIONS (
    description='Segment ID.'
  ),
  name STRING OPTIONS (
    description='Segment name.'
  ),
  logic STRING OPTIONS (
    description='How conditions combine: and / or.'
  ),
  hidden INT64 OPTIONS (
    description='1 if hidden (segments automations create for themselves).'
  ),
  seriesid INT64 OPTIONS (
    description='ID of the automation the segment belongs to (0 = none).'
  ),
  segmentid_v2 STRING OPTIONS (
    description='ID of the matching segments-v2 definition.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the segment was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the segment was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the segment.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the segment.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Saved contact segments (the conditions themselves are not in this list).'
);

CREATE TABLE IF NOT EXISTS activecampaign.messages (
  id INT64 NOT NULL OPTIONS (
    description='Message ID.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning the message.'
  ),
  `user` INT64 OPTIONS (
    description='Owner of the message (the same user as userid).'
  ),
  ed_instanceid INT64 OPTIONS (
    description='Editor instance ID.'
  ),
  ed_version INT64 OPTIONS (
    description='Editor version.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the message was created.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the message was last modified.'
  ),
  name STRING OPTIONS (
    description='Internal name of the message.'
  ),
  fromname STRING OPTIONS (
    description='Sender name.'
  ),
  fromemail STRING OPTIONS (
    description='Sender address.'
  ),
  reply2 STRING OPTIONS (
    description='Reply-to address.'
  ),
  priority INT64 OPTIONS (
    description='Priority (3 = normal).'
  ),
  charset STRING OPTIONS (
    description='Character set.'
  ),
  encoding STRING OPTIONS (
    description='Transfer encoding.'
  ),
  format STRING OPTIONS (
    description='Format: mime, html or text.'
  ),
  subject STRING OPTIONS (
    description='Subject line.'
  ),
  preheader_text STRING OPTIONS (
    description='Preheader text.'
  ),
  text STRING OPTIONS (
    description='Plain-text body.'
  ),
  html STRING OPTIONS (
    description='HTML body.'
  ),
  htmlfetch STRING OPTIONS (
    description='When or from where the HTML body is fetched.'
  ),
  textfetch STRING OPTIONS (
    description='When or from where the text body is fetched.'
  ),
  hidden INT64 OPTIONS (
    description='1 if the message is hidden.'
  ),
  preview_mime STRING OPTIONS (
    description='MIME type of the preview.'
  ),
  preview_data STRING OPTIONS (
    description='Preview data (null or empty).'
  ),
  has_predictive_content INT64 OPTIONS (
    description='1 if predictive content is enabled.'
  ),
  language_code STRING OPTIONS (
    description='Language code of the message.'
  ),
  source STRING OPTIONS (
    description='Where the message was made.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Every e-mail message of the account (campaign, automation and opt-in messages), with bodies.'
);

CREATE TABLE IF NOT EXISTS activecampaign.addresses (
  id INT64 NOT NULL OPTIONS (
    description='Address ID.'
  ),
  company_name STRING OPTIONS (
    description='Company name.'
  ),
  address1 STRING OPTIONS (
    description='Address line 1.'
  ),
  address2 STRING OPTIONS (
    description='Address line 2.'
  ),
  city STRING OPTIONS (
    description='City.'
  ),
  state STRING OPTIONS (
    description='State or region.'
  ),
  district STRING OPTIONS (
    description='District.'
  ),
  zip STRING OPTIONS (
    description='Postal code.'
  ),
  country STRING OPTIONS (
    description='Country code, e.g. US.'
  ),
  allgroup INT64 OPTIONS (
    description='1 if every user group may use the address.'
  ),
  is_default INT64 OPTIONS (
    description='1 if this is the default address.'
  ),
  sms_name STRING OPTIONS (
    description='Sender name for SMS.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the address was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the address was last updated.'
  ),
  created_by INT64 OPTIONS (
    description='ID of the user who created the address.'
  ),
  updated_by INT64 OPTIONS (
    description='ID of the user who last updated the address.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Sender (postal) addresses that campaigns and forms print to comply with anti-spam law.'
);

CREATE TABLE IF NOT EXISTS activecampaign.brandings (
  id INT64 NOT NULL OPTIONS (
    description='Branding ID.'
  ),
  groupid INT64 OPTIONS (
    description='ID of the user group the branding applies to.'
  ),
  site_name STRING OPTIONS (
    description='Site name.'
  ),
  site_logo STRING OPTIONS (
    description='Logo URL.'
  ),
  site_logo_small STRING OPTIONS (
    description='Small logo URL.'
  ),
  header_text_value STRING OPTIONS (
    description='Custom text header.'
  ),
  header_html_value STRING OPTIONS (
    description='Custom HTML header.'
  ),
  footer_text_value STRING OPTIONS (
    description='Custom text footer.'
  ),
  footer_html_value STRING OPTIONS (
    description='Custom HTML footer.'
  ),
  copyright INT64 OPTIONS (
    description='1 to show the copyright.'
  ),
  version INT64 OPTIONS (
    description='1 to show the version.'
  ),
  license INT64 OPTIONS (
    description='1 to show the license.'
  ),
  links_flag INT64 OPTIONS (
    description='1 to show links.'
  ),
  help INT64 OPTIONS (
    description='1 to show help.'
  ),
  admin_template_htm STRING OPTIONS (
    description='Admin template HTML.'
  ),
  admin_template_css STRING OPTIONS (
    description='Admin template CSS.'
  ),
  public_template_htm STRING OPTIONS (
    description='Public template HTML.'
  ),
  public_template_css STRING OPTIONS (
    description='Public template CSS.'
  ),
  favicon STRING OPTIONS (
    description='Favicon URL.'
  ),
  admin_template_htm_backup STRING OPTIONS (
    description='Backup of the admin template HTML.'
  ),
  admin_template_css_backup STRING OPTIONS (
    description='Backup of the admin template CSS.'
  ),
  zendesk_widget_enabled INT64 OPTIONS (
    description='1 if the Zendesk widget is enabled.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the branding was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the branding was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Branding settings, one row per user group.'
);

CREATE TABLE IF NOT EXISTS activecampaign.calendars (
  id INT64 NOT NULL OPTIONS (
    description='Calendar feed ID.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning the feed.'
  ),
  title STRING OPTIONS (
    description='Feed title.'
  ),
  `type` STRING OPTIONS (
    description='What the feed shows: All, Deals or Contacts.'
  ),
  token STRING OPTIONS (
    description='Secret token of the feed\'s subscription URL.'
  ),
  notification INT64 OPTIONS (
    description='1 if notifications are on.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the feed was created.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When the feed was last modified.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Calendar feeds of deal and contact tasks that users subscribe to.'
);

CREATE TABLE IF NOT EXISTS activecampaign.deal_roles (
  id INT64 NOT NULL OPTIONS (
    description='Deal role ID.'
  ),
  title STRING OPTIONS (
    description='Role name.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the role was created.'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the role was last updated.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Roles a contact can play on a deal.'
);

CREATE TABLE IF NOT EXISTS activecampaign.saved_responses (
  id INT64 NOT NULL OPTIONS (
    description='Saved response ID.'
  ),
  title STRING OPTIONS (
    description='Title.'
  ),
  subject STRING OPTIONS (
    description='E-mail subject.'
  ),
  body STRING OPTIONS (
    description='E-mail body.'
  ),
  ldate TIMESTAMP OPTIONS (
    description='When it was last sent (null if never).'
  ),
  last_sent_user_id INT64 OPTIONS (
    description='ID of the user who last sent it.'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When it was created.'
  ),
  mdate TIMESTAMP OPTIONS (
    description='When it was last modified (null until edited).'
  ),
  userid INT64 OPTIONS (
    description='ID of the user owning it.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='E-mail templates users keep for one-to-one replies.'
);

CREATE TABLE IF NOT EXISTS activecampaign.webhooks (
  id INT64 NOT NULL OPTIONS (
    description='Webhook ID.'
  ),
  name STRING OPTIONS (
    description='Webhook name.'
  ),
  url STRING OPTIONS (
    description='Target URL.'
  ),
  events JSON OPTIONS (
    description='Event names that trigger the webhook.'
  ),
  sources JSON OPTIONS (
    description='Sources that trigger it: public, admin, api, system.'
  ),
  listid INT64 OPTIONS (
    description='ID of the list it watches (0 = all lists).'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the webhook was created.'
  ),
  state STRING OPTIONS (
    description='State of the webhook.'
  ),
  deactivated_date TIMESTAMP OPTIONS (
    description='When the webhook was deactivated (null while active).'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Webhooks the account sends, with their events and sources.'
);

CREATE TABLE IF NOT EXISTS activecampaign.contact_automations (
  id INT64 NOT NULL OPTIONS (
    description='ID of the contact\'s run through the automation.'
  ),
  contact INT64 OPTIONS (
    description='Contact ID.'
  ),
  seriesid INT64 OPTIONS (
    description='Automation ID.'
  ),
  automation INT64 OPTIONS (
    description='Automation ID (the same value as seriesid).'
  ),
  startid INT64 OPTIONS (
    description='ID of the start trigger (0 when none).'
  ),
  status INT64 OPTIONS (
    description='Status: 1 in the automation, 2 finished or removed.'
  ),
  batchid STRING OPTIONS (
    description='Batch marker (null, or e.g. completed).'
  ),
  adddate TIMESTAMP OPTIONS (
    description='When the contact entered the automation.'
  ),
  remdate TIMESTAMP OPTIONS (
    description='When the contact left the automation (null while in it).'
  ),
  timespan INT64 OPTIONS (
    description='Time spent in the automation (unit undocumented).'
  ),
  lastblock INT64 OPTIONS (
    description='ID of the last automation block reached.'
  ),
  lastlogid INT64 OPTIONS (
    description='ID of the last automation log entry.'
  ),
  lastdate TIMESTAMP OPTIONS (
    description='When the run last moved.'
  ),
  in_als INT64 OPTIONS (
    description='Undocumented counter (newer field).'
  ),
  completed_elements INT64 OPTIONS (
    description='Number of automation elements completed.'
  ),
  total_elements INT64 OPTIONS (
    description='Number of elements in the automation.'
  ),
  completed INT64 OPTIONS (
    description='1 if the contact completed the automation.'
  ),
  complete_value INT64 OPTIONS (
    description='Percentage of the automation completed (0-100).'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Runs of contacts through automations, with progress and when each entered and left.'
);

CREATE TABLE IF NOT EXISTS activecampaign.ecom_connections (
  id INT64 NOT NULL OPTIONS (
    description='Connection ID.'
  ),
  service STRING OPTIONS (
    description='Service of the store, e.g. shopify.'
  ),
  externalid STRING OPTIONS (
    description='ID of the store at the service (often its host name).'
  ),
  name STRING OPTIONS (
    description='Store name.'
  ),
  is_internal INT64 OPTIONS (
    description='1 for ActiveCampaign\'s own internal connection.'
  ),
  connection_type STRING OPTIONS (
    description='Kind of connection, e.g. ecommerce.'
  ),
  status INT64 OPTIONS (
    description='Status: 1 enabled, 0 disabled.'
  ),
  sync_status INT64 OPTIONS (
    description='Sync status flag.'
  ),
  sync_request_time TIMESTAMP OPTIONS (
    description='When a sync was last requested.'
  ),
  sync_start_time TIMESTAMP OPTIONS (
    description='When the last sync started.'
  ),
  last_sync TIMESTAMP OPTIONS (
    description='When the store last synced (null if never).'
  ),
  logo_url STRING OPTIONS (
    description='URL of the store\'s logo.'
  ),
  link_url STRING OPTIONS (
    description='URL of the store.'
  ),
  list_id INT64 OPTIONS (
    description='ID of the list new customers join (0 = none).'
  ),
  cdate TIMESTAMP OPTIONS (
    description='When the connection was created.'
  ),
  udate TIMESTAMP OPTIONS (
    description='When the connection was last updated.'
  ),
  credential_expiration TIMESTAMP OPTIONS (
    description='When the store\'s credentials expire (null if unknown).'
  ),
  service_name STRING OPTIONS (
    description='Name of the service.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='E-commerce integrations (stores) connected to the account, each a source of customers and orders.'
);

CREATE TABLE IF NOT EXISTS activecampaign.ecom_customers (
  id INT64 NOT NULL OPTIONS (
    description='Customer ID.'
  ),
  connectionid INT64 OPTIONS (
    description='ID of the connection the customer comes from (0 for the account-wide customer).'
  ),
  `connection` INT64 OPTIONS (
    description='Connection ID (null for the account-wide customer).'
  ),
  externalid STRING OPTIONS (
    description='ID of the customer in the store.'
  ),
  email STRING OPTIONS (
    description='Customer\'s e-mail address (the contact\'s).'
  ),
  total_revenue INT64 OPTIONS (
    description='Total revenue of the customer\'s orders, in cents.'
  ),
  total_orders INT64 OPTIONS (
    description='Number of orders.'
  ),
  total_products INT64 OPTIONS (
    description='Number of products ordered.'
  ),
  avg_revenue_per_order FLOAT64 OPTIONS (
    description='Average revenue per order, in cents.'
  ),
  avg_product_category STRING OPTIONS (
    description='Most frequent product category.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the customer last changed.'
  ),
  accepts_marketing INT64 OPTIONS (
    description='1 if the customer accepts marketing.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='E-commerce customers, one per e-mail address and connection, with their order totals.'
);

CREATE TABLE IF NOT EXISTS activecampaign.ecom_orders (
  id INT64 NOT NULL OPTIONS (
    description='Order ID.'
  ),
  externalid STRING OPTIONS (
    description='ID of the order in the store.'
  ),
  externalcheckoutid STRING OPTIONS (
    description='ID of the checkout in the store (abandoned carts).'
  ),
  source INT64 OPTIONS (
    description='Source: 0 historical sync, 1 real time.'
  ),
  email STRING OPTIONS (
    description='Customer\'s e-mail address.'
  ),
  currency STRING OPTIONS (
    description='Currency code, e.g. USD.'
  ),
  connectionid INT64 OPTIONS (
    description='Connection ID.'
  ),
  customerid INT64 OPTIONS (
    description='Customer ID.'
  ),
  order_number STRING OPTIONS (
    description='Order number shown to the customer.'
  ),
  order_url STRING OPTIONS (
    description='URL of the order in the store.'
  ),
  shipping_method STRING OPTIONS (
    description='Shipping method.'
  ),
  total_price INT64 OPTIONS (
    description='Total price in cents.'
  ),
  shipping_amount INT64 OPTIONS (
    description='Shipping in cents.'
  ),
  tax_amount INT64 OPTIONS (
    description='Tax in cents.'
  ),
  discount_amount INT64 OPTIONS (
    description='Discount in cents.'
  ),
  external_created_date TIMESTAMP OPTIONS (
    description='When the order was created in the store.'
  ),
  external_updated_date TIMESTAMP OPTIONS (
    description='When the order was last updated in the store.'
  ),
  abandoned_date TIMESTAMP OPTIONS (
    description='When the cart was abandoned (null otherwise).'
  ),
  total_products INT64 OPTIONS (
    description='Number of products in the order.'
  ),
  created_date TIMESTAMP OPTIONS (
    description='When the order was created in ActiveCampaign.'
  ),
  updated_date TIMESTAMP OPTIONS (
    description='When the order was last updated in ActiveCampaign.'
  ),
  state INT64 OPTIONS (
    description='State: 0 pending, 1 completed, 2 abandoned, 3 recovered, 4 waiting for payment.'
  ),
  `connection` INT64 OPTIONS (
    description='Connection ID (the same value as connectionid).'
  ),
  customer INT64 OPTIONS (
    description='Customer ID (the same value as customerid).'
  ),
  order_products JSON OPTIONS (
    description='IDs of the order\'s products (ecom_order_products.id).'
  ),
  order_date TIMESTAMP OPTIONS (
    description='When the order was placed.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the order record last changed.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='E-commerce orders (completed, pending, abandoned carts), with their totals in cents.'
);

CREATE TABLE IF NOT EXISTS activecampaign.ecom_order_products (
  id INT64 NOT NULL OPTIONS (
    description='Order product ID.'
  ),
  orderid INT64 OPTIONS (
    description='Order ID.'
  ),
  ecom_order INT64 OPTIONS (
    description='Order ID (normally the same value as orderid).'
  ),
  connectionid INT64 OPTIONS (
    description='Connection ID.'
  ),
  externalid STRING OPTIONS (
    description='ID of the product in the store.'
  ),
  sku STRING OPTIONS (
    description='Stock keeping unit.'
  ),
  name STRING OPTIONS (
    description='Product name.'
  ),
  description STRING OPTIONS (
    description='Product description.'
  ),
  price INT64 OPTIONS (
    description='Unit price in cents.'
  ),
  quantity INT64 OPTIONS (
    description='Quantity ordered.'
  ),
  category STRING OPTIONS (
    description='Product category.'
  ),
  image_url STRING OPTIONS (
    description='URL of the product image.'
  ),
  product_url STRING OPTIONS (
    description='URL of the product page.'
  ),
  created_date TIMESTAMP OPTIONS (
    description='When the line was created.'
  ),
  updated_date TIMESTAMP OPTIONS (
    description='When the line was last updated.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the line record last changed.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='The products of each e-commerce order (one row per order line).'
);

CREATE TABLE IF NOT EXISTS activecampaign.activities (
  id INT64 NOT NULL OPTIONS (
    description='Activity ID.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the activity happened.'
  ),
  subscriberid INT64 OPTIONS (
    description='Contact ID.'
  ),
  reference_type STRING OPTIONS (
    description='Kind of record the activity is about, e.g. SubscriberEmail.'
  ),
  reference_id INT64 OPTIONS (
    description='ID of the record the activity is about.'
  ),
  reference_action STRING OPTIONS (
    description='What happened to the record (often empty).'
  ),
  json_data STRING OPTIONS (
    description='Extra data of the activity as JSON text (often null).'
  ),
  userid INT64 OPTIONS (
    description='ID of the user who acted (0 for the contact\'s own actions).'
  ),
  `user` INT64 OPTIONS (
    description='ID of the user who acted (null for the contact\'s own actions).'
  ),
  permission STRING OPTIONS (
    description='Permission needed to see the activity (often empty).'
  ),
  reference_model_name STRING OPTIONS (
    description='Model of the referenced record, e.g. contact-email.'
  ),
  reference JSON OPTIONS (
    description='The referenced record as {type, id}.'
  ),
  notes JSON OPTIONS (
    description='IDs of notes attached to the activity.'
  ),
  recipients JSON OPTIONS (
    description='IDs of the activity\'s recipients (activityRecipients).'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='The activity feed of contacts: e-mails, opens, clicks, subscriptions, notes, automations.'
);

CREATE TABLE IF NOT EXISTS activecampaign.email_activities (
  id INT64 NOT NULL OPTIONS (
    description='E-mail activity ID.'
  ),
  subscriberid INT64 OPTIONS (
    description='Contact ID.'
  ),
  userid INT64 OPTIONS (
    description='ID of the user who sent or logged the e-mail.'
  ),
  d_id INT64 OPTIONS (
    description='Deal ID (0 when the e-mail is not on a deal).'
  ),
  deal INT64 OPTIONS (
    description='Deal ID (null when the e-mail is not on a deal).'
  ),
  `account` INT64 OPTIONS (
    description='Account ID, when logged on an account.'
  ),
  reltype STRING OPTIONS (
    description='What the e-mail is logged on: Subscriber or Deal.'
  ),
  relid INT64 OPTIONS (
    description='ID of the contact or deal it is logged on.'
  ),
  from_name STRING OPTIONS (
    description='Sender name.'
  ),
  from_address STRING OPTIONS (
    description='Sender address.'
  ),
  to_address STRING OPTIONS (
    description='Recipient address.'
  ),
  cc_address STRING OPTIONS (
    description='Cc addresses.'
  ),
  subject STRING OPTIONS (
    description='Subject.'
  ),
  message STRING OPTIONS (
    description='Plain-text body.'
  ),
  message_html STRING OPTIONS (
    description='HTML body.'
  ),
  tstamp TIMESTAMP OPTIONS (
    description='When the e-mail was sent or logged.'
  ),
  contact INT64 OPTIONS (
    description='Contact ID (the same value as subscriberid).'
  ),
  `user` INT64 OPTIONS (
    description='User ID (the same value as userid).'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='One-to-one e-mails logged on contacts and deals, with sender, recipients and body.'
);

CREATE TABLE IF NOT EXISTS activecampaign.site_tracking_domains (
  name STRING NOT NULL OPTIONS (
    description='Domain name.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (name) NOT ENFORCED
)
OPTIONS (
  description='Domains whitelisted for site tracking.'
);

CREATE TABLE IF NOT EXISTS activecampaign.custom_object_schemas (
  id STRING NOT NULL OPTIONS (
    description='Schema ID (a UUID).'
  ),
  slug STRING OPTIONS (
    description='Schema slug, unique in the account (names its table: custom_object_<slug>).'
  ),
  visibility STRING OPTIONS (
    description='private or public (a public schema belongs to an app).'
  ),
  label_singular STRING OPTIONS (
    description='Singular label of the object.'
  ),
  label_plural STRING OPTIONS (
    description='Plural label of the object.'
  ),
  description STRING OPTIONS (
    description='Description of the schema.'
  ),
  created_timestamp TIMESTAMP OPTIONS (
    description='When the schema was created (UTC).'
  ),
  updated_timestamp TIMESTAMP OPTIONS (
    description='When the schema was last updated (UTC).'
  ),
  fields JSON OPTIONS (
    description='The object\'s fields: id, labels, type, required, scale, options, status.'
  ),
  relationships JSON OPTIONS (
    description='Relationships to other objects: id, labels, namespace (contacts, accounts, deals), hasMany.'
  ),
  icon STRING OPTIONS (
    description='URL of the object\'s icon.'
  ),
  _acx_synced_at TIMESTAMP OPTIONS (
    description='When acx last wrote this row (UTC): the commit of the run that read it.'
  ),
  _acx_deleted_at TIMESTAMP OPTIONS (
    description='When acx found this row gone from the source (UTC): a read of the whole table no longer had its key, or its parent row was found gone. NULL while the source has it; cleared when the key comes back.'
  ),
  PRIMARY KEY (id) NOT ENFORCED
)
OPTIONS (
  description='Each custom object type the account defines, with its fields and relationships.'
);
