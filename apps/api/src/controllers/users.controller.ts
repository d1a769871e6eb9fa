import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/core';
import type { Actor } from '@app/core';
import { CreateUserDto, identityPolicy, ManagedUserDto, UpdateUserDto, UserDto, UsersService } from '@app/identity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Create an account. */
  @Roles(...identityPolicy.roles('manageUsers'))
  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  /** `{ disabled: true }` ends the account's sessions at once and refuses its sign-ins. */
  @Roles(...identityPolicy.roles('manageUsers'))
  @Patch(':id')
  @ApiOkResponse({ type: ManagedUserDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<ManagedUserDto> {
    return this.users.update(actor, id, dto);
  }
}
