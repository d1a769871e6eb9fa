import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/core';
import type { Actor } from '@app/core';
import {
  CreateUserDto,
  identityPolicy,
  ManagedUserDto,
  ManagedUserPageDto,
  UpdateUserDto,
  UserDto,
  UserQueryDto,
  UsersService,
} from '@app/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The accounts, searched by name or e-mail and filtered by role (admin). */
  @Roles(...identityPolicy.roles('manageUsers'))
  @Get()
  @ApiOkResponse({ type: ManagedUserPageDto })
  listUsers(@CurrentActor() actor: Actor, @Query() query: UserQueryDto): Promise<ManagedUserPageDto> {
    return this.users.list(actor, query);
  }

  /** One account as the admin manages it: roles, departments, linked member, disabled or not. */
  @Roles(...identityPolicy.roles('manageUsers'))
  @Get(':id')
  @ApiOkResponse({ type: ManagedUserDto })
  getUser(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ManagedUserDto> {
    return this.users.getManaged(actor, id);
  }

  /** Create an account. */
  @Roles(...identityPolicy.roles('manageUsers'))
  @Post()
  @ApiCreatedResponse({ type: UserDto })
  createUser(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  /**
   * Edits the fields sent: name, roles, departments, linked member; `{ disabled: true }` ends the
   * account's sessions at once and refuses its sign-ins. An admin cannot disable or demote itself (409).
   */
  @Roles(...identityPolicy.roles('manageUsers'))
  @Patch(':id')
  @ApiOkResponse({ type: ManagedUserDto })
  updateUser(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<ManagedUserDto> {
    return this.users.update(actor, id, dto);
  }
}
