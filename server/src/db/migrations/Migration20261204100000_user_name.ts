import { Migration } from '@mikro-orm/migrations';

/**
 * Accounts get a display name: administrators manage people, and an e-mail
 * alone (often a shared or role address) does not say who signs in with it.
 */
export class Migration20261204100000_user_name extends Migration {

  override async up(): Promise<void> {
    this.addSql('alter table "app_user" add column "name" varchar(255) null;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table "app_user" drop column "name";');
  }

}
