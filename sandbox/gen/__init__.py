"""Record generators, one per table, in construction order (parents before children)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .accounts import AccountContactGen, AccountFieldDataGen, AccountGen
from .attribution import ConversionGen, ConversionTriggerGen, GoalGen, SmsGen
from .automations import AutomationGen, FormGen, SegmentGen
from .base import Gen
from .campaigns import CampaignGen, CampaignMessageGen, MessageGen
from .catalog import FieldGen, FieldOptionGen, FieldRelGen, ListGen, ScoreGen, TagGen
from .contacts import ContactGen, ContactListGen, ContactTagGen, FieldValueGen
from .crm import ContactDataGen, ContactEmailGen, DealGroupUserGen
from .custom_fields import AccountFieldMetaGen, DealFieldMetaGen
from .deals import ContactDealGen, DealActivityGen, DealFieldDataGen, DealGen
from .ecommerce import EcomConnectionGen, EcomCustomerGen, EcomOrderGen, EcomOrderProductGen
from .marketing import BounceLogGen, CampaignLinkGen, CampaignListGen, TemplateGen
from .notes import NoteGen
from .pipelines import DealGroupGen, DealStageGen
from .settings import (
    AddressGen,
    BrandingGen,
    CalendarGen,
    DealRoleGen,
    SavedResponseGen,
    WebhookGen,
)
from .tasks import DealTaskGen, TaskOutcomeGen, TaskTypeGen, TaskTypeOutcomeRelGen
from .tracking import ActivityGen, ContactAutomationGen, EmailActivityGen, SiteTrackingDomainGen
from .users import GroupGen, UserGen, UserGroupGen

if TYPE_CHECKING:
    from ..world import World

GENERATORS: tuple[Callable[[World], Gen], ...] = (
    lambda w: UserGen(w, w.sizes.users),
    lambda w: GroupGen(w, w.sizes.groups),
    lambda w: UserGroupGen(w, w.sizes.users),
    lambda w: ListGen(w, w.sizes.lists),
    lambda w: TagGen(w, w.sizes.tags, w.sizes.unused_tags),
    lambda w: FieldGen(w, w.sizes.fields),
    FieldOptionGen,
    FieldRelGen,
    lambda w: ScoreGen(w, w.sizes.scores),
    lambda w: AccountGen(w, w.sizes.accounts),
    lambda w: AccountFieldMetaGen(w, w.sizes.account_field_meta),
    lambda w: AccountFieldDataGen(w, w.sizes.accounts),
    lambda w: ContactGen(w, w.sizes.contacts),
    lambda w: AccountContactGen(w, w.sizes.account_contacts),
    lambda w: ContactTagGen(w, w.sizes.contacts),
    lambda w: ContactListGen(w, w.sizes.contacts),
    lambda w: FieldValueGen(w, w.sizes.contacts),
    lambda w: CampaignGen(w, w.sizes.campaigns),
    lambda w: CampaignMessageGen(w, w.sizes.campaigns),
    lambda w: MessageGen(w, w.gens["campaignMessages"].count + w.sizes.automation_messages),
    DealStageGen,
    lambda w: DealGroupGen(w, w.sizes.deal_groups),
    lambda w: DealGen(w, w.sizes.deals),
    lambda w: DealActivityGen(w, w.sizes.deals),
    lambda w: DealFieldMetaGen(w, w.sizes.deal_field_meta),
    lambda w: DealFieldDataGen(w, w.sizes.deals),
    lambda w: ContactDealGen(w, w.sizes.contact_deals),
    lambda w: NoteGen(w, w.sizes.notes),
    lambda w: TaskOutcomeGen(w, w.sizes.task_outcomes),
    TaskTypeOutcomeRelGen,
    lambda w: TaskTypeGen(w, w.sizes.task_types),
    lambda w: DealTaskGen(w, w.sizes.deal_tasks),
    # beyond the model (issue 14): after every table above, so that none of their draws move
    lambda w: AutomationGen(w, w.sizes.automations),
    lambda w: AddressGen(w, w.sizes.addresses),
    lambda w: FormGen(w, w.sizes.forms),
    lambda w: SegmentGen(w, w.sizes.segments),
    lambda w: BrandingGen(w, w.sizes.groups),
    lambda w: CalendarGen(w, w.sizes.calendars),
    lambda w: DealRoleGen(w, w.sizes.deal_roles),
    lambda w: SavedResponseGen(w, w.sizes.saved_responses),
    lambda w: WebhookGen(w, w.sizes.webhooks),
    # issue 14, second batch: after the first batch, so that none of its draws move either
    CampaignLinkGen,
    CampaignListGen,
    DealGroupUserGen,
    lambda w: TemplateGen(w, w.sizes.templates),
    lambda w: BounceLogGen(w, w.sizes.bounce_logs),
    GoalGen,
    lambda w: ConversionGen(w, w.sizes.conversions),
    ConversionTriggerGen,
    lambda w: ContactEmailGen(w, w.sizes.contact_emails),
    lambda w: ContactDataGen(w, w.sizes.contact_data),
    SmsGen,
    # issue 14, batch A: after every table above, so that none of their draws move
    lambda w: ContactAutomationGen(w, w.sizes.contacts),
    lambda w: EcomConnectionGen(w, w.sizes.ecom_connections),
    lambda w: EcomCustomerGen(w, w.sizes.ecom_customers),
    lambda w: EcomOrderGen(w, w.sizes.ecom_customers),
    lambda w: EcomOrderProductGen(w, w.gens["ecomOrders"].count),
    lambda w: ActivityGen(w, w.sizes.contacts),
    lambda w: EmailActivityGen(w, w.sizes.email_activities),
    lambda w: SiteTrackingDomainGen(w, w.sizes.site_tracking_domains),
)

__all__ = ["GENERATORS", "Gen"]
